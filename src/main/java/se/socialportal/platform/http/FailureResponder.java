package se.socialportal.platform.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that turns a failure into a response: {@code {"error", "message", "requestId"}} (plus {@code fields}
 * for validation) in the person's language for API calls, a short page for browser navigation. Unexpected failures
 * are logged with the request id and with anything personnummer-like masked, and answered without detail.
 */
public final class FailureResponder {

  private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);
  private static final Pattern PERSONNUMMER_LIKE = Pattern.compile("(?<![0-9])(19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9])");
  private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "bad_request"),
    Map.entry(401, "unauthenticated"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
    Map.entry(405, "method_not_allowed"), Map.entry(413, "body_too_large"), Map.entry(414, "request_too_long"),
    Map.entry(415, "unsupported_media_type"), Map.entry(429, "too_many_requests"),
    Map.entry(431, "headers_too_large"), Map.entry(503, "unavailable"));

  private FailureResponder() {
  }

  public static void handle(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Throwable failure = ctx.failure();
    ApiException problem;
    if (failure instanceof ApiException) {
      problem = (ApiException) failure;
    } else if (failure instanceof DecodeException) {
      problem = ApiException.badRequest("malformed_json");
    } else if (failure instanceof HttpException) {
      problem = fromStatus(((HttpException) failure).getStatusCode());
    } else if (failure == null) {
      problem = fromStatus(ctx.statusCode());
    } else if (databaseUnreachable(failure)) {
      // Not the request's fault and not a bug: the database is stopped or restarting; /health says the same.
      problem = ApiException.of(503, "unavailable");
      LOG.warn("{} database unreachable on {} {}: {}", RequestIds.of(ctx), ctx.request().method(),
        AccessLog.safePath(ctx.request().path()), failure.getClass().getSimpleName());
    } else {
      problem = ApiException.of(500, "internal_error");
      LOG.error("{} unexpected failure on {} {}", RequestIds.of(ctx), ctx.request().method(),
        AccessLog.safePath(ctx.request().path()), masked(failure));
    }
    String language = Messages.language(ctx);
    String message = Messages.text(language, "error." + problem.code(), problem.args().toArray());
    if (wantsHtml(ctx)) {
      ctx.response().setStatusCode(problem.status())
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(page(language, message, RequestIds.of(ctx)));
      return;
    }
    JsonObject body = new JsonObject()
      .put("error", problem.code())
      .put("message", message)
      .put("requestId", RequestIds.of(ctx));
    if (!problem.fields().isEmpty()) {
      JsonArray fields = new JsonArray();
      for (ApiException.FieldProblem field : problem.fields()) {
        fields.add(new JsonObject()
          .put("field", field.field())
          .put("error", field.code())
          .put("message", Messages.text(language, "field." + field.code(), field.args().toArray())));
      }
      body.put("fields", fields);
    }
    if (problem.status() == 429) {
      ctx.response().putHeader("Retry-After", "60");
    } else if (problem.status() == 503 && problem.code().equals("unavailable")) {
      ctx.response().putHeader("Retry-After", "10");
    }
    Responses.json(ctx, problem.status(), body);
  }

  /**
   * The database cannot be reached: the connection is refused or was closed under the request, or PostgreSQL is
   * shutting down or starting up (SQLSTATE class 08, 57P01–57P03).
   */
  static boolean databaseUnreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.net.ConnectException || cause instanceof ClosedConnectionException) {
        return true;
      }
      if (cause instanceof PgException pg && pg.getSqlState() != null
        && (pg.getSqlState().startsWith("08") || pg.getSqlState().matches("57P0[123]"))) {
        return true;
      }
    }
    return false;
  }

  static ApiException fromStatus(int status) {
    int effective = status >= 400 ? status : 500;
    return ApiException.of(effective, CODES.getOrDefault(effective, "internal_error"));
  }

  private static boolean wantsHtml(RoutingContext ctx) {
    if (ctx.request().path().startsWith("/api/")) {
      return false;
    }
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static String page(String language, String message, String requestId) {
    String back = Messages.text(language, "page.error.back");
    String reference = Messages.text(language, "page.error.reference");
    return "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      + "<title>" + escape(message) + "</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head>"
      + "<body><main class=\"page\"><h1>" + escape(message) + "</h1>"
      + "<p>" + escape(reference) + " <code>" + escape(requestId) + "</code></p>"
      + "<p><a href=\"/\">" + escape(back) + "</a></p></main></body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** An exception message can quote input (a constraint detail, a parse error); mask personnummer-like numbers. */
  static Throwable masked(Throwable failure) {
    String message = failure.getMessage() == null ? "" : PERSONNUMMER_LIKE.matcher(failure.getMessage()).replaceAll("[masked]");
    RuntimeException copy = new RuntimeException(failure.getClass().getName() + ": " + message);
    copy.setStackTrace(failure.getStackTrace());
    if (failure.getCause() != null && failure.getCause() != failure) {
      copy.initCause(masked(failure.getCause()));
    }
    return copy;
  }

  static List<String> knownCodes() {
    return List.copyOf(CODES.values());
  }
}
