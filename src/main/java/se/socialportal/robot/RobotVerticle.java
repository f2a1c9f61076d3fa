package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The robot's loop, and nothing else: wake on NOTIFY robot_job (LISTEN through PgSubscriber), and on a periodic sweep
 * that also takes over jobs of stopped workers and resumes jobs whose rules have arrived; claim as many jobs as there are free slots (ROBOT_CONCURRENCY); renew
 * the leases of jobs in flight; on stop, claim nothing more and let the jobs in flight finish. Runs on one event loop,
 * so its counters need no locks. Any number of these, in one process or many, share the queue safely (JobQueue).
 */
public final class RobotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RobotVerticle.class);
  static final String CHANNEL = "robot_job";

  private final JobQueue queue;
  private final JobProcessor processor;
  private final RulesWait rulesWait;
  private final RobotSettings settings;
  private final PgConnectOptions listenOptions;
  private final String workerId;
  private final Consumer<JobProcessor.Outcome> onOutcome;
  private final Set<Long> inFlight = new HashSet<>();
  private PgSubscriber subscriber;
  private long sweepTimer = -1;
  private long renewTimer = -1;
  private Future<Integer> claiming;
  private boolean claimAgain;
  private boolean stopping;
  private Promise<Void> drained;

  /**
   * @param listenOptions where to LISTEN (a connection of its own, outside the pool)
   * @param onOutcome     told how every attempt ended (metrics, tests)
   */
  RobotVerticle(JobQueue queue, JobProcessor processor, RulesWait rulesWait, RobotSettings settings,
                PgConnectOptions listenOptions, String workerId, Consumer<JobProcessor.Outcome> onOutcome) {
    this.queue = queue;
    this.processor = processor;
    this.rulesWait = rulesWait;
    this.settings = settings;
    this.listenOptions = listenOptions;
    this.workerId = workerId;
    this.onOutcome = onOutcome;
  }

  public String workerId() {
    return workerId;
  }

  @Override
  public Future<?> start() {
    subscriber = PgSubscriber.subscriber(vertx, listenOptions)
      // Reconnect forever: a missed notification is covered by the sweep meanwhile.
      .reconnectPolicy(retries -> settings.sweep().toMillis());
    subscriber.channel(CHANNEL).handler(payload -> claim());
    sweepTimer = vertx.setPeriodic(settings.sweep().toMillis(), id -> sweep());
    long renewEvery = Math.max(1_000, settings.lease().toMillis() / 3);
    renewTimer = vertx.setPeriodic(renewEvery, id -> renew());
    return subscriber.connect().onSuccess(v -> {
      LOG.info("Robot {} started: {} at a time, lease {} s", workerId, settings.concurrency(),
        settings.lease().toSeconds());
      // Work queued while no robot ran.
      sweep();
    });
  }

  /**
   * Takes over expired leases, resumes jobs whose rules have arrived, then claims whatever is due. Completes when this round's claim has been made (with
   * how many jobs it started), which lets tests and the bench know the sweep has happened.
   */
  Future<Integer> sweep() {
    if (stopping) {
      return Future.succeededFuture(0);
    }
    return queue.takeOverExpired()
      .onSuccess(taken -> {
        if (taken > 0) {
          LOG.warn("Robot {} took over {} job(s) whose worker stopped", workerId, taken);
        }
      })
      .transform(done -> rulesWait.resumeCovered())
      .onFailure(failure -> LOG.warn("Robot {} could not resume jobs waiting for rules: {}", workerId,
        FailureText.of(failure)))
      .transform(done -> claim());
  }

  private Future<Integer> claim() {
    if (stopping) {
      return Future.succeededFuture(0);
    }
    if (claiming != null) {
      // A claim is under way; claim again when it returns (a notification may be for a job it did not see).
      claimAgain = true;
      return claiming;
    }
    int free = settings.concurrency() - inFlight.size();
    if (free <= 0) {
      return Future.succeededFuture(0);
    }
    claimAgain = false;
    claiming = queue.claim(workerId, free, settings.lease()).transform(result -> {
      claiming = null;
      if (result.failed()) {
        LOG.warn("Robot {} could not claim jobs: {}", workerId, FailureText.of(result.cause()));
        return Future.succeededFuture(0);
      }
      List<ClaimedJob> jobs = result.result();
      jobs.forEach(this::start);
      // A full batch means more may be waiting.
      if (jobs.size() == free || claimAgain) {
        claim();
      }
      return Future.succeededFuture(jobs.size());
    });
    return claiming;
  }

  private void start(ClaimedJob job) {
    inFlight.add(job.id());
    processor.process(job).onComplete(result -> {
      inFlight.remove(job.id());
      if (result.succeeded()) {
        onOutcome.accept(result.result());
      }
      if (stopping && inFlight.isEmpty() && drained != null) {
        drained.tryComplete();
      }
      // Claim in batches: one claim query per quarter of the slots, not one per finished job.
      if (settings.concurrency() - inFlight.size() >= claimBatch() || inFlight.isEmpty()) {
        claim();
      }
    });
  }

  private int claimBatch() {
    return Math.max(1, settings.concurrency() / 4);
  }

  private void renew() {
    if (inFlight.isEmpty()) {
      return;
    }
    queue.renew(workerId, Set.copyOf(inFlight), settings.lease())
      .onFailure(failure -> LOG.warn("Robot {} could not renew leases: {}", workerId, FailureText.of(failure)));
  }

  /** Claims nothing more and waits (at most one lease) for the jobs in flight; what is left is taken over later. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(sweepTimer);
    drained = Promise.promise();
    if (inFlight.isEmpty()) {
      drained.tryComplete();
    } else {
      vertx.setTimer(settings.lease().toMillis(), id -> drained.tryComplete());
    }
    return drained.future().eventually(() -> {
      vertx.cancelTimer(renewTimer);
      return subscriber == null ? Future.succeededFuture() : subscriber.close();
    });
  }

  /** The verticle's context, so tests run a sweep on its event loop. */
  io.vertx.core.Context context() {
    return context;
  }

  /** For tests and the bench: jobs this instance is working on now. */
  int inFlight() {
    return inFlight.size();
  }
}
