package se.socialportal.bankid;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one collect call per order and interval, however often callers ask: a caller that comes back sooner gets
 * the previous call's result (or shares the call still in flight). This protects BankID from browsers that poll
 * too fast. It only covers this process; a deployment with several instances needs a shared throttle as well (the
 * login flow keeps the last collect time per order in the database).
 */
final class CollectThrottle {

  private record Entry(Instant calledAt, Future<CollectResult> result) {
    boolean isFinished() {
      return result.isComplete() && (result.failed() || result.result().isFinal());
    }
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration interval;
  private final Duration maxAge;

  CollectThrottle(Clock clock, Duration interval, Duration maxAge) {
    this.clock = clock;
    this.interval = interval;
    this.maxAge = maxAge;
  }

  Future<CollectResult> collect(String orderRef, Supplier<Future<CollectResult>> call) {
    Instant now = clock.instant();
    evict(now);
    Promise<CollectResult> fresh = Promise.promise();
    Entry entry = entries.compute(orderRef, (ref, existing) ->
      existing != null && isRecent(existing, now) ? existing : new Entry(now, fresh.future()));
    if (entry.result() == fresh.future()) {
      try {
        call.get().onComplete(fresh);
      } catch (RuntimeException e) {
        fresh.fail(e);
      }
    }
    return entry.result();
  }

  /** After a cancel the order is gone: a later collect must ask BankID, not replay a cached "pending". */
  void forget(String orderRef) {
    entries.remove(orderRef);
  }

  int size() {
    return entries.size();
  }

  private boolean isRecent(Entry entry, Instant now) {
    // A clock that stepped back counts as "recent": better one stale answer than a burst of calls.
    return Duration.between(entry.calledAt(), now).compareTo(interval) < 0;
  }

  private void evict(Instant now) {
    entries.values().removeIf(entry -> {
      Duration age = Duration.between(entry.calledAt(), now);
      return age.compareTo(maxAge) >= 0 || entry.isFinished() && age.compareTo(interval) >= 0;
    });
  }
}
