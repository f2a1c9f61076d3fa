package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the payment jobs every PAYMENT_CHECK_SECONDS, one round at a time (a round that takes longer than the interval
 * is not overlapped by the next). Several servers may run it: the database decides who does what.
 */
public final class PaymentVerticle extends VerticleBase {

  private final Payments payments;
  private final AtomicBoolean running = new AtomicBoolean();
  private long timer;

  public PaymentVerticle(Payments payments) {
    this.payments = payments;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(payments.settings().checkInterval().toMillis(), id -> {
      if (running.compareAndSet(false, true)) {
        payments.runJobs().onComplete(done -> running.set(false));
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
