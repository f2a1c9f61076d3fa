package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The robot's loop, and nothing else: wake on NOTIFY robot_job (LISTEN through PgSubscriber), and on a periodic sweep
 * that claims, takes over jobs of stopped workers and resumes jobs whose rules have arrived; claim as many jobs as
 * there are free slots (ROBOT_CONCURRENCY); renew the leases of jobs in flight — but never of a job in flight longer
 * than ROBOT_STUCK_SECONDS, which is given up so its slot is free and another attempt takes it over; on stop, claim
 * nothing more and let the jobs in flight finish. Runs on one event loop, so its counters need no locks; what the
 * watchdog and /health read is volatile. Any number of these, in one process or many, share the queue safely
 * (JobQueue).
 */
public final class RobotVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RobotVerticle.class);
  static final String CHANNEL = "robot_job";
  private static final long LISTEN_RETRY_MS = 1_000;

  private final JobQueue queue;
  private final JobProcessor processor;
  private final RulesWait rulesWait;
  private final RobotSettings settings;
  private final PgConnectOptions listenOptions;
  private final String workerId;
  private final Consumer<JobProcessor.Outcome> onOutcome;
  /** Jobs in flight: the attempt this instance holds and when it was claimed (the queue's clock). */
  private final Map<Long, Held> inFlight = new HashMap<>();
  private PgSubscriber subscriber;
  private long sweepTimer = -1;
  private long renewTimer = -1;
  // The claim under way, if any. Set before the claim is sent: Vert.x may hand back a future that is already complete
  // (a query answered within the read that completed the previous one), and then the callback has run before the
  // call returns — state written after the call would outlive the claim it describes.
  private Promise<Integer> claiming;
  private boolean claimAgain;
  private boolean stopping;
  private Promise<Void> drained;
  private volatile Instant startedAt;
  private volatile Instant lastClaim;
  private volatile Instant claimSentAt;
  private volatile int free;

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
    this.free = settings.concurrency();
  }

  public String workerId() {
    return workerId;
  }

  @Override
  public Future<?> start() {
    startedAt = queue.clock().instant();
    subscriber = PgSubscriber.subscriber(vertx, listenOptions)
      // Reconnect forever, every second at most: notifications sent while the database was away are covered by the
      // sweep, but the sweep may be minutes apart, and new jobs should wake the robot as soon as the database is back.
      .reconnectPolicy(retries -> Math.min(settings.sweep().toMillis(), LISTEN_RETRY_MS));
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
   * Gives up stuck jobs, claims what is due, takes over expired leases, resumes jobs whose rules have arrived, and
   * claims again if either gave it more to do. Completes when this round's claims have been made (with how many jobs
   * they started), which lets tests and the bench know the sweep has happened. The claim does not wait for the
   * takeover: one stuck statement cannot stop both.
   */
  Future<Integer> sweep() {
    if (stopping) {
      return Future.succeededFuture(0);
    }
    giveUpStuck();
    Future<Integer> claimed = claim();
    Future<Integer> takenOver = queue.takeOverExpired()
      .transform(done -> {
        if (done.failed()) {
          LOG.warn("Robot {} could not take over expired jobs: {}", workerId, FailureText.of(done.cause()));
          return Future.succeededFuture(0);
        }
        int taken = done.result();
        if (taken == 0) {
          return Future.succeededFuture(0);
        }
        LOG.warn("Robot {} took over {} job(s) whose worker stopped", workerId, taken);
        return claimed.transform(ignored -> claim());
      });
    Future<Integer> resumed = rulesWait.resumeCovered()
      .transform(done -> {
        if (done.failed()) {
          LOG.warn("Robot {} could not resume jobs waiting for rules: {}", workerId, FailureText.of(done.cause()));
          return Future.succeededFuture(0);
        }
        return done.result() == 0 ? Future.succeededFuture(0) : claimed.transform(ignored -> claim());
      });
    return Future.all(claimed, takenOver, resumed)
      .map(all -> claimed.result() + takenOver.result() + resumed.result());
  }

  private Future<Integer> claim() {
    if (stopping) {
      return Future.succeededFuture(0);
    }
    if (claiming != null) {
      // A claim is under way; claim again when it returns (a notification may be for a job it did not see).
      claimAgain = true;
      return claiming.future();
    }
    int slots = settings.concurrency() - inFlight.size();
    if (slots <= 0) {
      return Future.succeededFuture(0);
    }
    Promise<Integer> round = Promise.promise();
    claiming = round;
    claimAgain = false;
    claimSentAt = queue.clock().instant();
    queue.claim(workerId, slots, settings.lease()).onComplete(result -> {
      claiming = null;
      claimSentAt = null;
      lastClaim = queue.clock().instant();
      if (result.failed()) {
        LOG.warn("Robot {} could not claim jobs: {}", workerId, FailureText.of(result.cause()));
        round.complete(0);
        return;
      }
      List<ClaimedJob> jobs = result.result();
      if (stopping) {
        // Claimed while stopping (the claim was sent before): back to the queue at once, not after a lease.
        release(jobs);
        round.complete(0);
        return;
      }
      jobs.forEach(this::start);
      round.complete(jobs.size());
      // A full batch means more may be waiting.
      if (jobs.size() == slots || claimAgain) {
        claim();
      }
    });
    return round.future();
  }

  private record Held(int attempt, Instant since) {
  }

  private void start(ClaimedJob job) {
    Held held = new Held(job.attempts(), queue.clock().instant());
    inFlight.put(job.id(), held);
    free = settings.concurrency() - inFlight.size();
    Future<JobProcessor.Outcome> processing;
    try {
      processing = processor.process(job);
    } catch (RuntimeException e) {
      processing = Future.failedFuture(e);
    }
    processing.onComplete(result -> {
      // Only this attempt: a job given up as stuck may have been claimed here again meanwhile.
      inFlight.remove(job.id(), held);
      free = settings.concurrency() - inFlight.size();
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

  private void release(List<ClaimedJob> jobs) {
    if (!jobs.isEmpty()) {
      queue.release(workerId, jobs.stream().map(ClaimedJob::id).toList())
        .onFailure(failure -> LOG.warn("Robot {} could not hand back {} job(s); they are taken over after their lease: {}",
          workerId, jobs.size(), FailureText.of(failure)));
    }
  }

  private int claimBatch() {
    return Math.max(1, settings.concurrency() / 4);
  }

  private void renew() {
    giveUpStuck();
    if (inFlight.isEmpty()) {
      return;
    }
    queue.renew(workerId, Set.copyOf(inFlight.keySet()), settings.lease())
      .onFailure(failure -> LOG.warn("Robot {} could not renew leases: {}", workerId, FailureText.of(failure)));
  }

  /**
   * A job in flight longer than ROBOT_STUCK_SECONDS will not finish here (a step or a write that never answers): its
   * slot is freed and its lease no longer renewed, so the sweep of any instance takes it over when the lease runs out.
   * Should it finish after all, its write is fenced by the claim and changes nothing once the job was taken over.
   */
  private void giveUpStuck() {
    Instant limit = queue.clock().instant().minus(settings.stuckAfter());
    inFlight.entrySet().removeIf(entry -> {
      if (entry.getValue().since().isAfter(limit)) {
        return false;
      }
      LOG.error("Robot {} gives up job {}: in flight since {}, longer than {} s; it is taken over when its lease ends",
        workerId, entry.getKey(), entry.getValue().since(), settings.stuckAfter().toSeconds());
      return true;
    });
    free = settings.concurrency() - inFlight.size();
  }

  /**
   * Why this instance looks stuck, if it does: a claim that has not returned within ROBOT_STUCK_SECONDS, or jobs due
   * for that long while it has free slots and has not claimed. Read by the watchdog from another thread.
   *
   * @param oldestDue when the longest-waiting due job became due, if any job is due
   */
  Optional<String> stuck(Instant now, Optional<Instant> oldestDue) {
    Instant sent = claimSentAt;
    Duration bound = settings.stuckAfter();
    if (sent != null && Duration.between(sent, now).compareTo(bound) > 0) {
      return Optional.of("a claim sent at " + sent + " has not returned");
    }
    Instant claimed = lastClaim != null ? lastClaim : startedAt;
    if (claimed != null && oldestDue.isPresent() && free > 0
      && Duration.between(oldestDue.get(), now).compareTo(bound) > 0
      && Duration.between(claimed, now).compareTo(bound) > 0) {
      return Optional.of("jobs are due since " + oldestDue.get() + " and " + free + " slot(s) are free, but the last "
        + "claim was at " + claimed);
    }
    return Optional.empty();
  }

  /** When this instance last had an answer to a claim (empty before its first). */
  Optional<Instant> lastClaim() {
    return Optional.ofNullable(lastClaim);
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
