package se.socialportal.platform.http;

import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * One line per request: id, method, path, status, bytes, milliseconds. Never the query string, never a body, never
 * a header. Paths are designed to carry no personnummer; anything that still looks like one is masked, so a client
 * that puts a personnummer in a URL cannot put it in our logs.
 */
public final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("access");
  private static final Pattern PERSONNUMMER_LIKE = Pattern.compile("(?<![0-9])(19|20)?[0-9]{6}[-+]?[0-9]{4}(?![0-9])");

  private AccessLog() {
  }

  public static void record(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(ignored -> {
      if (LOG.isInfoEnabled()) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("{} {} {} {} {}B {}ms", RequestIds.of(ctx), ctx.request().method(), safePath(ctx.request().path()),
          ctx.response().getStatusCode(), ctx.response().bytesWritten(), millis);
      }
    });
    ctx.next();
  }

  public static String safePath(String path) {
    if (path == null) {
      return "-";
    }
    return PERSONNUMMER_LIKE.matcher(path).replaceAll("[masked]");
  }
}
