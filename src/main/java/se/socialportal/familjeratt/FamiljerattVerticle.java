package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Familjerätt's background work on a timer (never blocking): releases, reminders, the follow-up of Skatteverket's
 * notifications, and sending e-mail and SMS. Safe with several servers: the rows each round works on are locked.
 */
public final class FamiljerattVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FamiljerattVerticle.class);

  private final FamiljerattModule module;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;

  public FamiljerattVerticle(FamiljerattModule module) {
    this.module = module;
  }

  @Override
  public Future<?> start() {
    module.registerSignatureCompletion();
    timer = vertx.setPeriodic(module.settings().checkInterval().toMillis(), id -> round());
    return Future.succeededFuture();
  }

  private void round() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    module.check()
      .onFailure(failure -> LOG.warn("The familjerätt round failed and runs again at the next interval: {}",
        failure.toString()))
      .onComplete(done -> running.set(false));
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }
}
