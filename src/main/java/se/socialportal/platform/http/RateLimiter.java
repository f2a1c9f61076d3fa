package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Counts requests per key and fixed window in PostgreSQL, so every server instance enforces the same limit. Keys are
 * hashed before they are stored: an IP address is personal data and the counter does not need it in clear.
 */
public final class RateLimiter {

  private static final String HIT = "INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES ($1, $2, 1) "
    + "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits";
  private static final String PRUNE = "DELETE FROM rate_limit_window WHERE window_start < $1";

  private final Pool pool;
  private final Clock clock;
  private final String name;
  private final int limit;
  private final Duration window;

  public RateLimiter(Pool pool, Clock clock, String name, int limit, Duration window) {
    this.pool = pool;
    this.clock = clock;
    this.name = name;
    this.limit = limit;
    this.window = window;
  }

  /** Succeeds when the request may go ahead, fails with 429 {@link ApiException} when the key is over its limit. */
  public Future<Void> check(String key) {
    long windowMillis = window.toMillis();
    long now = clock.millis();
    OffsetDateTime start = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(now - now % windowMillis), ZoneOffset.UTC);
    return pool.preparedQuery(HIT).execute(Tuple.of(name + ":" + hash(key), start))
      .compose(rows -> {
        int hits = rows.iterator().next().getInteger(0);
        if (hits == 1 && Math.floorMod(start.toEpochSecond(), 7) == 0) {
          // Now and then, the first hit of a window clears windows that can no longer matter.
          pool.preparedQuery(PRUNE).execute(Tuple.of(start.minus(window.multipliedBy(2))));
        }
        return hits <= limit ? Future.<Void>succeededFuture() : Future.failedFuture(ApiException.tooManyRequests());
      });
  }

  private static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
