package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.bistand.notify.FileNotificationChannel;
import se.socialportal.bistand.notify.NotificationDispatcher;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The e-tjänst's background work, on a timer (never blocking): co-signature reminders and deadlines, and delivery of
 * pending notifications. Safe with several server instances (rows are locked while handled).
 */
public final class BistandVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BistandVerticle.class);

  private final BistandModule module;
  private final Pool pool;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer = -1;
  private NotificationDispatcher dispatcher;

  public BistandVerticle(BistandModule module, Pool pool, Clock clock) {
    this.module = module;
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    module.registerSignatureCompletion();
    dispatcher = new NotificationDispatcher(pool,
      new FileNotificationChannel(vertx, module.settings().notificationFile()), clock);
    return module.store().prepare().onSuccess(v -> timer = vertx.setPeriodic(
      module.settings().checkInterval().toMillis(), id -> check()));
  }

  /** One round: deadlines and reminders first (they create notifications), then delivery. Never two at once. */
  public Future<Void> check() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return module.cosignature().run()
      .compose(run -> dispatcher.dispatch())
      .onFailure(failure -> LOG.warn("Co-signature or notification check failed: {}", failure.toString()))
      .<Void>mapEmpty()
      .eventually(() -> {
        running.set(false);
        return Future.succeededFuture();
      });
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }
}
