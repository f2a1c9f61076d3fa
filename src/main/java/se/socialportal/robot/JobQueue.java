package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The robot_job table (V40, V42): claiming with {@code FOR UPDATE SKIP LOCKED} and a lease, renewing leases, taking
 * over jobs whose worker stopped, and finishing a job — done, waiting for register data, retried with backoff or parked
 * for manual review. Every finishing write is fenced by the claim (worker id + attempt number), so only the worker
 * that holds the job can finish it, and it does so inside the transaction that writes the job's result.
 *
 * <p>All times come from the injected clock, so tests move time by hand.
 */
public final class JobQueue {

  private static final String RETURNING = " RETURNING j.id, j.tenant_id, j.application_id, j.application_version, "
    + "j.attempts, j.failures, j.submitted_at, j.last_error, j.claimed_by";
  // Ready jobs in submission order; locked rows are skipped, so concurrent claimers never get the same job.
  private static final String CLAIM = "WITH ready AS (SELECT id FROM robot_job "
    + "WHERE status IN ('queued', 'waiting') AND available_at <= $3 ORDER BY available_at, id LIMIT $4 "
    + "FOR UPDATE SKIP LOCKED) "
    + "UPDATE robot_job j SET status = 'claimed', claimed_by = $1, lease_until = $2, claimed_at = $3, "
    + "attempts = j.attempts + 1 FROM ready WHERE j.id = ready.id" + RETURNING;
  private static final String RENEW = "UPDATE robot_job SET lease_until = $3 "
    + "WHERE id = ANY($1) AND claimed_by = $2 AND status = 'claimed'";
  // A worker that stopped answering: its job goes back to the queue as a failed attempt.
  private static final String TAKE_OVER = "UPDATE robot_job j SET status = 'queued', failures = j.failures + 1, "
    + "available_at = $1, claimed_by = NULL, lease_until = NULL, failed_step = NULL, "
    + "last_error = 'Roboten som arbetade med ärendet slutade svara innan dess lån gick ut (' || j.claimed_by || ').' "
    + "FROM (SELECT id FROM robot_job WHERE status = 'claimed' AND lease_until < $1 ORDER BY lease_until LIMIT 500 "
    + "FOR UPDATE SKIP LOCKED) expired WHERE j.id = expired.id RETURNING j.id";
  // Claimed by a worker that was stopping: back to the queue as if never claimed (no failure, no attempt).
  private static final String RELEASE = "UPDATE robot_job SET status = 'queued', claimed_by = NULL, lease_until = NULL, "
    + "attempts = attempts - 1 WHERE id = ANY($1) AND claimed_by = $2 AND status = 'claimed'";
  // Due work, oldest first (the robot_job_ready index): what /health and the watchdog compare the robot's claims with.
  private static final String OLDEST_DUE = "SELECT min(available_at) AS oldest FROM robot_job "
    + "WHERE status IN ('queued', 'waiting') AND available_at <= $1";
  private static final String FENCE = " WHERE id = $1 AND claimed_by = $2 AND attempts = $3 AND status = 'claimed'";
  private static final String DONE = "UPDATE robot_job SET status = 'done', finished_at = $4, lease_until = NULL, "
    + "failed_step = NULL" + FENCE;
  // Done, and the application row locked for the rest of the transaction (its status and version decide what is
  // written): one statement, no row when the claim is lost.
  private static final String WAIT = "UPDATE robot_job SET status = 'waiting', available_at = $4, lease_until = NULL, "
    + "claimed_by = NULL, last_error = $5, failed_step = NULL" + FENCE;
  private static final String RETRY = "UPDATE robot_job SET status = 'queued', available_at = $4, lease_until = NULL, "
    + "claimed_by = NULL, failures = failures + 1, last_error = $5, failed_step = $6" + FENCE;
  private static final String PARK = "UPDATE robot_job SET status = 'manual_review', parked_at = $4, lease_until = NULL, "
    + "failures = failures + $7, last_error = $5, failed_step = $6" + FENCE;

  // The old waiting_for comes from the row as it was before this statement, so the caller learns whether the job now
  // waits for something new (and the household should be told) or for the same rules as before (a retry after a
  // failed attempt, say).
  private static final String WAIT_RULES = "UPDATE robot_job j SET status = 'waiting_rules', waiting_for = $4, "
    + "lease_until = NULL, claimed_by = NULL, last_error = NULL, failed_step = NULL "
    + "FROM (SELECT id, waiting_for AS before FROM robot_job WHERE id = $1) old "
    + "WHERE j.id = old.id AND j.claimed_by = $2 AND j.attempts = $3 AND j.status = 'claimed' "
    + "RETURNING old.before IS DISTINCT FROM j.waiting_for AS changed";
  private static final String WAITING_FOR_RULES = "SELECT tenant_id, waiting_for ->> 'month' AS month "
    + "FROM robot_job WHERE status = 'waiting_rules' GROUP BY 1, 2";
  // Back to the queue, and the household's history says the amounts have come (so Mina sidor stops saying it waits).
  // waiting_for is cleared: should the job have to wait again, that is news to tell again.
  private static final String RESUME = "UPDATE robot_job SET status = 'queued', available_at = $3, "
    + "waiting_for = NULL WHERE status = 'waiting_rules' AND tenant_id = $1 AND waiting_for ->> 'month' = $2 "
    + "RETURNING application_id, application_version";
  // A job handled before this queue knew it (a demo installation's seeded cases): done, or parked with when and why
  // as the robot itself would have written it (robot_job_parked, V42).
  private static final String HANDLED = "INSERT INTO robot_job (tenant_id, application_id, application_version, status, "
    + "attempts, submitted_at, available_at, finished_at) VALUES ($1, $2, $3, 'done', 1, $4, $4, $5) RETURNING id";
  private static final String PARKED = "INSERT INTO robot_job (tenant_id, application_id, application_version, status, "
    + "attempts, submitted_at, available_at, parked_at, failed_step, last_error) "
    + "VALUES ($1, $2, $3, 'manual_review', 1, $4, $4, $5, $6, $7) RETURNING id";
  private static final String NOTIFY = "SELECT pg_notify('" + RobotVerticle.CHANNEL + "', 'resumed')";

  private final Pool pool;
  private final Clock clock;

  public JobQueue(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** Up to {@code max} ready jobs, now held by {@code workerId} until now + lease. */
  public Future<List<ClaimedJob>> claim(String workerId, int max, Duration lease) {
    Instant now = clock.instant();
    // One statement is atomic on its own: no BEGIN/COMMIT round trips around it.
    return pool.preparedQuery(CLAIM)
      .execute(Tuple.of(workerId, time(now.plus(lease)), time(now), max))
      .map(rows -> {
        List<ClaimedJob> jobs = new ArrayList<>();
        rows.forEach(row -> jobs.add(job(row)));
        return jobs;
      });
  }

  /** Extends the lease of the jobs this worker still holds; returns how many it still holds. */
  public Future<Integer> renew(String workerId, Collection<Long> jobIds, Duration lease) {
    if (jobIds.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.preparedQuery(RENEW)
      .execute(Tuple.of(jobIds.toArray(new Long[0]), workerId, time(clock.instant().plus(lease))))
      .map(rows -> rows.rowCount());
  }

  /** Hands jobs this worker claimed back to the queue untouched (it is stopping); returns how many. */
  public Future<Integer> release(String workerId, Collection<Long> jobIds) {
    return pool.preparedQuery(RELEASE).execute(Tuple.of(jobIds.toArray(new Long[0]), workerId))
      .map(rows -> rows.rowCount());
  }

  /** When the job that has waited longest became due; empty when no job is due. */
  public Future<Optional<Instant>> oldestDue() {
    return pool.preparedQuery(OLDEST_DUE).execute(Tuple.of(time(clock.instant()))).map(rows -> {
      OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime("oldest");
      return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
    });
  }

  /** Puts jobs whose lease has run out back in the queue, counting a failed attempt; returns how many. */
  public Future<Integer> takeOverExpired() {
    return pool.preparedQuery(TAKE_OVER).execute(Tuple.of(time(clock.instant()))).map(rows -> rows.rowCount());
  }

  /** Inside the result's transaction: the job is done. Fails with {@link LostClaimException} if no longer held. */
  public Future<Void> done(SqlClient tx, ClaimedJob job) {
    return fenced(tx, DONE, job, Tuple.of(job.id(), job.claimedBy(), job.attempts(), time(clock.instant())));
  }

  /** Inside the transaction: register data is not complete; ask again after {@code retryIn}. */
  public Future<Void> waitForData(SqlClient tx, ClaimedJob job, Duration retryIn, String why) {
    return fenced(tx, WAIT, job, Tuple.of(job.id(), job.claimedBy(), job.attempts(),
      time(clock.instant().plus(retryIn)), why));
  }

  /**
   * Inside the transaction: no rules cover the application's month yet; the job waits for a rule book that does
   * ({@link #resume}). Completes with true when it waits for something other than last time.
   */
  public Future<Boolean> waitForRules(SqlClient tx, ClaimedJob job, io.vertx.core.json.JsonObject waitingFor) {
    return tx.preparedQuery(WAIT_RULES).execute(Tuple.of(job.id(), job.claimedBy(), job.attempts(), waitingFor))
      .compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture(rows.iterator().next().getBoolean("changed"))
        : Future.failedFuture(new LostClaimException(job.id())));
  }

  /** The (tenant, month) pairs jobs are waiting for rules for. */
  public Future<List<TenantMonth>> waitingForRules() {
    return pool.preparedQuery(WAITING_FOR_RULES).execute().map(rows -> {
      List<TenantMonth> waiting = new ArrayList<>();
      rows.forEach(row -> waiting.add(new TenantMonth(row.getString("tenant_id"),
        java.time.YearMonth.parse(row.getString("month")))));
      return waiting;
    });
  }

  /**
   * Puts the jobs waiting for rules for the tenant and month back in the queue, tells each case's history that its
   * rules arrived (Mina sidor stops saying it waits), and wakes the robots; how many.
   */
  public Future<Integer> resume(TenantMonth waiting) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tx.preparedQuery(RESUME)
        .execute(Tuple.of(waiting.tenant(), waiting.month().toString(), time(now)))
        .compose(rows -> {
          List<ApplicationEvent> arrived = new ArrayList<>();
          rows.forEach(row -> arrived.add(new ApplicationEvent(row.getUUID("application_id"), waiting.tenant(),
            "robot_rules_arrived", Optional.empty(), ApplicationEvent.Actor.robot(), new JsonObject()
              .put("month", waiting.month().toString()).put("year", waiting.month().getYear())
              .put("version", row.getInteger("application_version")))));
          return ApplicationRepository.recordAll(tx, arrived, now).map(arrived.size());
        }))
      .compose(resumed -> resumed == 0 ? Future.succeededFuture(0) : pool.query(NOTIFY).execute().map(resumed));
  }

  /** A job already done when it is recorded (seeded history); its id. */
  public static Future<Long> recordHandled(SqlClient tx, String tenantId, UUID applicationId, int version,
                                           Instant submitted, Instant finished) {
    return tx.preparedQuery(HANDLED).execute(Tuple.of(tenantId, applicationId, version, time(submitted),
      time(finished))).map(rows -> rows.iterator().next().getLong("id"));
  }

  /** A job already parked for manual review when it is recorded (seeded history); its id. */
  public static Future<Long> recordParked(SqlClient tx, String tenantId, UUID applicationId, int version,
                                          Instant submitted, Instant parked, String step, String error) {
    return tx.preparedQuery(PARKED).execute(Tuple.of(tenantId, applicationId, version, time(submitted), time(parked),
      step).addValue(error)).map(rows -> rows.iterator().next().getLong("id"));
  }

  /** A tenant and a month jobs wait for rules for. */
  public record TenantMonth(String tenant, java.time.YearMonth month) {
  }

  /** Inside the transaction: this attempt failed; try again after {@code retryIn}. */
  public Future<Void> retry(SqlClient tx, ClaimedJob job, Duration retryIn, String step, String error) {
    return fenced(tx, RETRY, job, Tuple.of(job.id(), job.claimedBy(), job.attempts(),
      time(clock.instant().plus(retryIn)), error, step));
  }

  /**
   * Inside the transaction: a person must take the case. {@code countsAsFailure} is false when the job is parked
   * because of failures already counted (a job that kept stopping its workers).
   */
  public Future<Void> park(SqlClient tx, ClaimedJob job, String step, String reason, boolean countsAsFailure) {
    return fenced(tx, PARK, job, Tuple.of(job.id(), job.claimedBy(), job.attempts(), time(clock.instant()), reason,
      step, countsAsFailure ? 1 : 0));
  }

  private static Future<Void> fenced(SqlClient tx, String sql, ClaimedJob job, Tuple tuple) {
    return tx.preparedQuery(sql).execute(tuple).compose(rows -> rows.rowCount() == 1
      ? Future.<Void>succeededFuture()
      : Future.failedFuture(new LostClaimException(job.id())));
  }

  private static ClaimedJob job(Row row) {
    return new ClaimedJob(row.getLong("id"), row.getString("tenant_id"), row.getUUID("application_id"),
      row.getInteger("application_version"), row.getInteger("attempts"), row.getInteger("failures"),
      row.getOffsetDateTime("submitted_at").toInstant(), Optional.ofNullable(row.getString("last_error")),
      row.getString("claimed_by"));
  }

  static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
