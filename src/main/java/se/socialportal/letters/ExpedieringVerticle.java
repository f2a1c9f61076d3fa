package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.time.Duration;

/**
 * Retries handing letters to the digital mailbox: every letter not yet delivered (a failed mailbox, a restart between
 * commit and hand-over) is tried again. Instances share the work through row locks (SKIP LOCKED).
 */
public final class ExpedieringVerticle extends VerticleBase {

  private final Expediering expediering;
  private final Duration every;
  private long timer;

  public ExpedieringVerticle(Expediering expediering, Duration every) {
    this.expediering = expediering;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> expediering.retryPending());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
