package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.audit.AuditLog;

import java.time.Duration;
import java.util.List;

/**
 * One attempt at one claimed job: read the case, run the pipeline, write the result — or, when anything fails, record
 * the failure and retry with backoff until ROBOT_MAX_ATTEMPTS, then park the job for manual review with the reason.
 * Every ending is one transaction fenced by the claim, so an attempt leaves either its complete result or nothing.
 */
public final class JobProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

  /** How an attempt ended. */
  public enum Outcome { PROPOSED, WAITING, WAITING_FOR_RULES, NOTHING_TO_DO, RETRY, PARKED, LOST }

  private final Pool pool;
  private final JobQueue queue;
  private final CaseReader reader;
  private final Pipeline pipeline;
  private final ProposalWriter writer;
  private final RobotSettings settings;

  public JobProcessor(Pool pool, JobQueue queue, CaseReader reader, Pipeline pipeline, ProposalWriter writer,
                      RobotSettings settings) {
    this.pool = pool;
    this.queue = queue;
    this.reader = reader;
    this.pipeline = pipeline;
    this.writer = writer;
    this.settings = settings;
  }

  public Future<Outcome> process(ClaimedJob job) {
    if (job.failures() >= settings.maxAttempts()) {
      // Taken over from workers that stopped this many times: a person takes it from here.
      TraceRecorder trace = new TraceRecorder();
      trace.add(entry("takeover", "manual", new JsonObject().put("failures", job.failures())));
      String reason = job.lastError().orElse("Roboten har misslyckats " + job.failures() + " gånger.");
      return end(job, trace, List.of(), tx -> park(tx, job, "takeover", reason, false), Outcome.PARKED);
    }
    return reader.read(job).compose(found -> {
      if (found.isEmpty()) {
        TraceRecorder trace = new TraceRecorder();
        // No application row to attach an event to: the job alone records it.
        return end(job, trace, List.of(), tx -> queue.park(tx, job, "application",
          "Ansökan finns inte för kommunen i jobbet.", true), Outcome.PARKED);
      }
      CaseState state = new CaseState(found.get());
      return pipeline.run(state).compose(result -> finish(job, state, result));
    }).recover(failure -> failure instanceof LostClaimException
      ? lost(job)
      : failAttempt(job, "read", failure, new TraceRecorder(), List.of()));
  }

  private Future<Outcome> finish(ClaimedJob job, CaseState state, Pipeline.Result result) {
    if (result instanceof Pipeline.Completed completed) {
      return writer.write(state, completed.trace())
        .map(id -> id.isPresent() ? Outcome.PROPOSED : Outcome.NOTHING_TO_DO)
        .recover(failure -> failure instanceof LostClaimException
          ? lost(job)
          : failAttempt(job, "proposal", failure, completed.trace(), state.audit()));
    }
    if (result instanceof Pipeline.Stopped stopped) {
      if (stopped.stop() instanceof StepResult.WaitForData wait) {
        return end(job, stopped.trace(), state.audit(),
          tx -> queue.waitForData(tx, job, settings.registerRetry(), wait.reason()), Outcome.WAITING);
      }
      if (stopped.stop() instanceof StepResult.WaitForRules rules) {
        // Not a failure: the rules for the month are simply not decided yet. The household hears of it once.
        return end(job, stopped.trace(), state.audit(), tx -> queue.waitForRules(tx, job, rules.json())
          .compose(changed -> changed
            ? ProposalWriter.waitingForRulesEvent(tx, job, rules, queue.clock().instant()) : Future.succeededFuture()),
          Outcome.WAITING_FOR_RULES);
      }
      return end(job, stopped.trace(), state.audit(), tx -> queue.done(tx, job), Outcome.NOTHING_TO_DO);
    }
    Pipeline.Failed failed = (Pipeline.Failed) result;
    return failAttempt(job, failed.step(), failed.cause(), failed.trace(), state.audit());
  }

  private Future<Outcome> failAttempt(ClaimedJob job, String step, Throwable cause, TraceRecorder trace,
                                      List<se.socialportal.audit.AuditEntry> audit) {
    int failures = job.failures() + 1;
    String error = FailureText.of(cause);
    LOG.warn("Robot job {} (application {}) failed in step {} (failure {} of {}): {}", job.id(), job.applicationId(),
      step, failures, settings.maxAttempts(), error);
    if (cause instanceof PermanentFailure) {
      // Another attempt would fail the same way.
      trace.markLast("manual", new JsonObject().put("parked", true));
      return end(job, trace, audit, tx -> park(tx, job, step, cause.getMessage(), true), Outcome.PARKED);
    }
    if (failures >= settings.maxAttempts()) {
      trace.markLast("manual", new JsonObject().put("parked", true));
      String reason = "Steget " + step + " misslyckades " + failures + " gånger. Senaste felet: " + error;
      return end(job, trace, audit, tx -> park(tx, job, step, reason, true), Outcome.PARKED);
    }
    Duration backoff = settings.backoffAfter(failures);
    trace.markLast("retry", new JsonObject().put("retryInSeconds", backoff.toSeconds()));
    return end(job, trace, audit, tx -> queue.retry(tx, job, backoff, step, error), Outcome.RETRY);
  }

  private Future<Void> park(io.vertx.sqlclient.SqlConnection tx, ClaimedJob job, String step, String reason,
                            boolean countsAsFailure) {
    return queue.park(tx, job, step, reason, countsAsFailure)
      .compose(v -> ProposalWriter.manualReviewEvent(tx, job, step, reason, queue.clock().instant()));
  }

  /** Ends the attempt without a proposal: the job's new state, the trace and the audit rows, in one transaction. */
  private Future<Outcome> end(ClaimedJob job, TraceRecorder trace, List<se.socialportal.audit.AuditEntry> audit,
                              java.util.function.Function<io.vertx.sqlclient.SqlConnection, Future<Void>> jobUpdate,
                              Outcome outcome) {
    return pool.withTransaction(tx -> jobUpdate.apply(tx)
        .compose(v -> trace.write(tx, job))
        .compose(v -> AuditLog.recordAll(tx, audit, queue.clock().instant())))
      .map(outcome)
      .recover(failure -> {
        if (failure instanceof LostClaimException) {
          return lost(job);
        }
        // The job stays claimed; when its lease runs out another attempt takes it over.
        LOG.error("Robot job {} could not be updated; it is retried after its lease: {}", job.id(),
          FailureText.of(failure));
        return Future.failedFuture(failure);
      });
  }

  private static Future<Outcome> lost(ClaimedJob job) {
    LOG.info("Robot job {} was taken over by another worker; this attempt's result is discarded", job.id());
    return Future.succeededFuture(Outcome.LOST);
  }

  private TraceEntry entry(String step, String outcome, JsonObject output) {
    return new TraceEntry(step, queue.clock().instant(), 0, outcome, new JsonObject(), output);
  }
}
