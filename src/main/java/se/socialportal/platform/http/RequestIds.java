package se.socialportal.platform.http;

import io.vertx.ext.web.RoutingContext;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in X-Request-Id and in every error body, so a resident can quote it to support
 * and an operator can find the log line. An incoming id is kept only if it looks like one (a proxy's trace id).
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final String KEY = "requestId";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
  private static final HexFormat HEX = HexFormat.of();

  private RequestIds() {
  }

  public static void assign(RoutingContext ctx) {
    String incoming = ctx.request().getHeader(HEADER);
    String id = incoming != null && ACCEPTABLE.matcher(incoming).matches() ? incoming : newId();
    ctx.put(KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.next();
  }

  public static String of(RoutingContext ctx) {
    String id = ctx.get(KEY);
    return id == null ? "-" : id;
  }

  /**
   * 72 random bits as 18 hex digits. An id only has to be unlikely to repeat, not to be guessed (it grants nothing),
   * so the thread's own generator serves instead of SecureRandom's locked, reseeding one on every request.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits((byte) random.nextInt()) + HEX.toHexDigits(random.nextLong());
  }
}
