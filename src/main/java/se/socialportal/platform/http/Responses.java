package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small responders shared by every room, so JSON answers look and cache the same everywhere. */
public final class Responses {

  private Responses() {
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    String encoded = body instanceof JsonObject ? ((JsonObject) body).encode()
      : body instanceof JsonArray ? ((JsonArray) body).encode()
      : io.vertx.core.json.Json.encode(body);
    ctx.response()
      .setStatusCode(status)
      .putHeader("Content-Type", "application/json; charset=utf-8")
      // Answers carry personal data: no browser or proxy may keep them.
      .putHeader("Cache-Control", "no-store")
      .end(encoded);
  }

  public static void ok(RoutingContext ctx, Object body) {
    json(ctx, 200, body);
  }

  public static void created(RoutingContext ctx, Object body) {
    json(ctx, 201, body);
  }

  public static void noContent(RoutingContext ctx) {
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
    }
  }

  /** Completes the request from a future: the value as 200 JSON, a failure through the failure handler. */
  public static <T> void reply(RoutingContext ctx, Future<T> result) {
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        ok(ctx, ar.result());
      } else {
        ctx.fail(ar.cause());
      }
    });
  }
}
