package se.socialportal.testing;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for a Vert.x future from a test's own thread (never from an event loop). The timeout only keeps a broken
 * test from hanging the build; no test depends on how long anything takes.
 */
public final class Futures {

  /** Long enough for the slowest step a test waits for (a fresh embedded database, a browser's first page). */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Futures() {
  }

  /** The result; a failure is rethrown wrapped in an IllegalStateException whose cause is the future's failure. */
  public static <T> T await(Future<T> future) {
    return await(future, TIMEOUT);
  }

  /** The same with a timeout of the caller's choice (the benchmarks load many thousands of rows in one call). */
  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The failure of a future that must fail, as it failed. */
  public static Throwable failureOf(Future<?> future) {
    try {
      future.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected the call to fail, but it succeeded");
  }
}
