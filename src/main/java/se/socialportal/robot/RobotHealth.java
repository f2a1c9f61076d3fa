package se.socialportal.robot;

import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The robot's part of /health: how long the oldest due job has waited (any server's robot may take it) and, when this
 * server runs the robot, when it last claimed, whether an instance looks stuck and how often the watchdog restarted
 * one. Reported, never a reason to take the server out of the load balancer: residents are served either way.
 */
public final class RobotHealth implements Handler<Promise<Status>> {

  /** How long a read of the queue's oldest job serves /health: load balancers may ask many times a second. */
  private static final long OLDEST_DUE_FRESH_NANOS = 1_000_000_000L;

  private record OldestDue(long readAt, Optional<Instant> due) {
  }

  private final JobQueue queue;
  private final RobotMonitor monitor;
  private volatile OldestDue lastRead;

  public RobotHealth(Pool pool, Clock clock, RobotMonitor monitor) {
    this.queue = new JobQueue(pool, clock);
    this.monitor = monitor;
  }

  /**
   * The queue is read at most once a second per server; the database's own check in /health still runs on every
   * request, so an unreachable database shows at once. A failed read is not kept.
   */
  @Override
  public void handle(Promise<Status> promise) {
    OldestDue last = lastRead;
    long now = System.nanoTime();
    if (last != null && now - last.readAt() < OLDEST_DUE_FRESH_NANOS) {
      promise.tryComplete(Status.OK(describe(queue.clock().instant(), last.due())));
      return;
    }
    queue.oldestDue().onComplete(result -> {
      if (result.failed()) {
        promise.tryComplete(Status.KO(new JsonObject().put("error", "the robot queue could not be read")));
        return;
      }
      lastRead = new OldestDue(now, result.result());
      promise.tryComplete(Status.OK(describe(queue.clock().instant(), result.result())));
    });
  }

  JsonObject describe(Instant now, Optional<Instant> oldestDue) {
    JsonObject data = new JsonObject()
      .put("oldestQueuedSeconds", oldestDue.map(due -> seconds(due, now)).orElse(null))
      .put("runsHere", monitor.running());
    if (monitor.running()) {
      data.put("lastClaimSeconds", monitor.lastClaim().map(claim -> seconds(claim, now)).orElse(null))
        .put("stuck", new JsonArray(monitor.stuck(now, oldestDue).stream().map(Object.class::cast).toList()))
        .put("restarts", monitor.restarts());
    }
    return data;
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }
}
