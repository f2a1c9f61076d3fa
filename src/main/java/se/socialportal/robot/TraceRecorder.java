package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the trace of one attempt and writes it in the transaction that finishes the attempt, so a case never has a
 * trace of an attempt whose result was rolled back (and never a result without its trace).
 */
public final class TraceRecorder {

  // One row per attempt with its steps (V43): one statement, one row, one set of foreign-key checks per job.
  private static final String INSERT = "INSERT INTO robot_trace_attempt (tenant_id, job_id, application_id, steps) "
    + "VALUES ($1, $2, $3, $4)";

  private final List<TraceEntry> entries = new ArrayList<>();

  public void add(TraceEntry entry) {
    entries.add(entry);
  }

  public List<TraceEntry> entries() {
    return List.copyOf(entries);
  }

  /** The last entry gets a different outcome, e.g. the step that failed becomes "manual" when the job is parked. */
  public void markLast(String outcome, JsonObject extraOutput) {
    if (entries.isEmpty()) {
      return;
    }
    TraceEntry last = entries.remove(entries.size() - 1);
    entries.add(new TraceEntry(last.step(), last.startedAt(), last.durationMicros(), outcome, last.input(),
      last.output().copy().mergeIn(extraOutput)));
  }

  public Future<Void> write(SqlClient tx, ClaimedJob job) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonArray rows = new JsonArray();
    for (TraceEntry entry : entries) {
      rows.add(new JsonObject().put("step", entry.step()).put("started_at", entry.startedAt().toString())
        .put("duration_micros", entry.durationMicros()).put("outcome", entry.outcome())
        .put("input_summary", entry.input()).put("output", entry.output()));
    }
    return tx.preparedQuery(INSERT).execute(Tuple.of(job.tenantId(), job.id(), job.applicationId(), rows)).mapEmpty();
  }
}
