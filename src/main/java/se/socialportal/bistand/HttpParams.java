package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.platform.http.ApiException;

import java.util.Optional;
import java.util.UUID;

/** Small readers for path parameters, bodies and headers, failing the way every room fails. */
public final class HttpParams {

  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private HttpParams() {
  }

  /** A path id that is not a UUID names nothing we have: 404, like an id that belongs to someone else. */
  public static UUID id(RoutingContext ctx, String name) {
    String value = ctx.pathParam(name);
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound();
    }
  }

  public static JsonObject body(RoutingContext ctx) {
    JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }

  /** The client's idempotency key: 8–100 characters of letters, digits and '-'. */
  public static String idempotencyKey(RoutingContext ctx) {
    String key = ctx.request().getHeader(IDEMPOTENCY_HEADER);
    if (key == null || !key.matches("[A-Za-z0-9-]{8,100}")) {
      throw ApiException.badRequest("idempotency_key_required");
    }
    return key;
  }

  public static Optional<String> query(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.request().getParam(name)).filter(value -> !value.isBlank());
  }
}
