package se.socialportal.platform.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the HTTP decoder could not read (an address longer than the request line may be, too large headers, a
 * broken request line) never reach the router; they get the same JSON error body as every other client error, with
 * a request id, and one access-log line — instead of an empty 414 or 431.
 */
final class InvalidRequests {

  private static final Logger ACCESS = LoggerFactory.getLogger("access");

  private InvalidRequests() {
  }

  static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414 : cause instanceof TooLongHttpHeaderException ? 431
      : 400;
    ApiException problem = FailureResponder.fromStatus(status);
    String id = RequestIds.newId();
    String language = Messages.language(request.getHeader("Accept-Language"));
    JsonObject body = new JsonObject().put("error", problem.code())
      .put("message", Messages.text(language, "error." + problem.code())).put("requestId", id);
    ACCESS.info("{} {} - {} (not readable: {})", id, request.method(), status, problem.code());
    request.response().setStatusCode(status)
      .putHeader("Content-Type", "application/json; charset=utf-8")
      .putHeader("Cache-Control", "no-store")
      .putHeader(RequestIds.HEADER, id)
      .putHeader("Connection", "close")
      .end(body.encode());
  }
}
