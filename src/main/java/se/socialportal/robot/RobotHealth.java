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

  private final JobQueue queue;
  private final RobotMonitor monitor;

  public RobotHealth(Pool pool, Clock clock, RobotMonitor monitor) {
    this.queue = new JobQueue(pool, clock);
    this.monitor = monitor;
  }

  @Override
  public void handle(Promise<Status> promise) {
    queue.oldestDue().onComplete(result -> {
      if (result.failed()) {
        promise.tryComplete(Status.KO(new JsonObject().put("error", "the robot queue could not be read")));
        return;
      }
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
