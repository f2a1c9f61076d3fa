package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The job on the clock that stores every municipality's nyckeltal for the month that has ended: once at start and
 * then every hour, so the snapshot is there within an hour of the new month (a server that was down catches up when
 * it starts). Several servers may run it: the first snapshot of a month wins (SnapshotRepository).
 */
public final class SnapshotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotVerticle.class);
  private static final Duration EVERY = Duration.ofHours(1);

  private final Nyckeltal nyckeltal;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer;

  public SnapshotVerticle(Nyckeltal nyckeltal) {
    this.nyckeltal = nyckeltal;
  }

  @Override
  public Future<?> start() {
    round();
    timer = vertx.setPeriodic(EVERY.toMillis(), id -> round());
    return Future.succeededFuture();
  }

  private void round() {
    if (running.compareAndSet(false, true)) {
      nyckeltal.snapshotEndedMonth()
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("Nyckeltal: stored the ended month's snapshot for {} municipalities", count);
          }
        })
        .onFailure(failure -> LOG.warn("Nyckeltal: the month's snapshot could not be stored: {}", failure.toString()))
        .onComplete(done -> running.set(false));
    }
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
