package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs this server's robot instances and keeps them working. Every sweep interval it compares each instance with the
 * queue: an instance whose claim has not returned within ROBOT_STUCK_SECONDS, or that has free slots while jobs have
 * been due that long and has not claimed, is replaced — a new instance (new worker id) is deployed and the stuck one
 * undeployed. Whatever the stuck one held is taken over when its leases end, as after a crash.
 */
final class RobotWatchdog extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RobotWatchdog.class);

  private record Running(RobotVerticle robot, String deploymentId) {
  }

  private final Supplier<RobotVerticle> robots;
  private final int instances;
  private final JobQueue queue;
  private final RobotSettings settings;
  private final RobotMonitor monitor;
  private final List<Running> running = new ArrayList<>();
  private long timer = -1;
  private boolean checking;

  RobotWatchdog(Supplier<RobotVerticle> robots, int instances, JobQueue queue, RobotSettings settings,
                RobotMonitor monitor) {
    this.robots = robots;
    this.instances = instances;
    this.queue = queue;
    this.settings = settings;
    this.monitor = monitor;
  }

  @Override
  public Future<?> start() {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < instances; i++) {
      chain = chain.compose(v -> deploy().map(deployed -> {
        running.add(deployed);
        return null;
      }));
    }
    return chain.onSuccess(v -> timer = vertx.setPeriodic(settings.sweep().toMillis(), id -> check()));
  }

  private Future<Running> deploy() {
    RobotVerticle robot = robots.get();
    return vertx.deployVerticle(robot).map(id -> {
      monitor.started(robot);
      return new Running(robot, id);
    });
  }

  /** Compares every instance with the queue and replaces the stuck ones; completes with how many it replaced. */
  Future<Integer> check() {
    if (checking) {
      return Future.succeededFuture(0);
    }
    checking = true;
    return queue.oldestDue().compose(oldestDue -> {
      Instant now = queue.clock().instant();
      List<Future<Void>> restarts = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        Running current = running.get(i);
        Optional<String> why = current.robot().stuck(now, oldestDue);
        if (why.isPresent()) {
          restarts.add(restart(i, current, why.get()));
        }
      }
      return Future.all(restarts).map(all -> restarts.size());
    }).transform(done -> {
      checking = false;
      if (done.failed()) {
        LOG.warn("Robot watchdog could not check the queue: {}", FailureText.of(done.cause()));
        return Future.succeededFuture(0);
      }
      return Future.succeededFuture(done.result());
    });
  }

  private Future<Void> restart(int index, Running stuck, String why) {
    LOG.error("Robot {} is stuck ({}); the watchdog replaces it", stuck.robot().workerId(), why);
    monitor.stopped(stuck.robot());
    return deploy().map(replacement -> {
      running.set(index, replacement);
      monitor.restarted();
      LOG.info("Robot {} replaces {}", replacement.robot().workerId(), stuck.robot().workerId());
      // Not waited for: a stuck instance may take up to a lease to stop.
      vertx.undeploy(stuck.deploymentId()).onFailure(failure -> LOG.warn("Robot {} did not stop cleanly: {}",
        stuck.robot().workerId(), FailureText.of(failure)));
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    running.forEach(current -> monitor.stopped(current.robot()));
    // The robot verticles are this deployment's children: Vert.x undeploys them with it.
    return Future.succeededFuture();
  }

  /** The watchdog's context, so tests run a check on its event loop. */
  io.vertx.core.Context context() {
    return context;
  }

  /** For tests: the instances running now. */
  List<RobotVerticle> robots() {
    return running.stream().map(Running::robot).toList();
  }
}
