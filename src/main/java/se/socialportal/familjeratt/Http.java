package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The routes' shared reading of requests and writing of answers. */
final class Http {

  private Http() {
  }

  /** A path id that is not a UUID names nothing we have: 404. */
  static UUID id(RoutingContext ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound();
    }
  }

  static JsonObject body(RoutingContext ctx) {
    JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }

  static Optional<String> query(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.request().getParam(name)).filter(value -> !value.isBlank());
  }

  static String rid(RoutingContext ctx) {
    return RequestIds.of(ctx);
  }

  /**
   * Runs the work (a thrown ApiException fails the future like any other) and answers: the value as JSON, a taken time
   * as 409 with the next free times, anything else through the failure handler.
   */
  static void reply(RoutingContext ctx, int status, Supplier<Future<JsonObject>> work) {
    Future.<Void>succeededFuture().compose(v -> work.get()).onComplete(result -> {
      if (result.succeeded()) {
        Responses.json(ctx, status, result.result());
      } else if (result.cause() instanceof TimeTaken) {
        Responses.json(ctx, 409, new JsonObject().put("error", "time_taken")
          .put("message", Messages.text(Messages.language(ctx), "error.time_taken"))
          .put("requestId", RequestIds.of(ctx))
          .put("nextTimes", new JsonArray(((TimeTaken) result.cause()).nextTimes().stream().map(Instant::toString)
            .toList())));
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  static void reply(RoutingContext ctx, Supplier<Future<JsonObject>> work) {
    reply(ctx, 200, work);
  }

  /** A file to download: personal data, so never cached. */
  static void file(RoutingContext ctx, String contentType, String fileName, Supplier<Future<Buffer>> work) {
    Future.<Void>succeededFuture().compose(v -> work.get()).onSuccess(content -> ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cache-Control", "no-store")
        .end(content))
      .onFailure(ctx::fail);
  }
}
