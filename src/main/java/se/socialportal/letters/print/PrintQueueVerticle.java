package se.socialportal.letters.print;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Makes the day's print batch at PRINT_BATCH_TIME (Swedish time) on the application's clock. Several servers may run
 * it at once: a letter is locked while a batch takes it and is in at most one batch, so they share the work.
 */
public final class PrintQueueVerticle extends VerticleBase {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  private final PrintQueue queue;
  private final Clock clock;
  private final LocalTime at;
  private volatile long timer = -1;

  public PrintQueueVerticle(PrintQueue queue, Clock clock, LocalTime at) {
    this.queue = queue;
    this.clock = clock;
    this.at = at;
  }

  @Override
  public Future<?> start() {
    schedule();
    return Future.succeededFuture();
  }

  private void schedule() {
    timer = vertx.setTimer(Math.max(1, untilNext(clock.instant(), at).toMillis()),
      id -> queue.runDaily().onComplete(done -> schedule()));
  }

  /** How long from {@code now} until the next {@code at} in Swedish time (tomorrow's when today's has passed). */
  static Duration untilNext(Instant now, LocalTime at) {
    ZonedDateTime here = now.atZone(SWEDEN);
    ZonedDateTime next = here.toLocalDate().atTime(at).atZone(SWEDEN);
    if (!next.isAfter(here)) {
      next = here.toLocalDate().plusDays(1).atTime(at).atZone(SWEDEN);
    }
    return Duration.between(here, next);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
