package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects the trace of one attempt and writes it in the transaction that finishes the attempt, so a case never has a
 * trace of an attempt whose result was rolled back (and never a result without its trace).
 */
public final class TraceRecorder {

  // One row per attempt with its steps (V43), every attempt of a batch in one statement.
  private static final String INSERT = "INSERT INTO robot_trace_attempt (tenant_id, job_id, application_id, steps) "
    + "SELECT t.tenant_id, t.job_id, t.application_id, t.steps FROM jsonb_to_recordset($1::jsonb) AS t "
    + "(tenant_id text, job_id bigint, application_id uuid, steps jsonb)";

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
    return writeAll(tx, Map.of(job, this));
  }

  /** The attempt of a job recorded without a claim (JobQueue.recordHandled / recordParked: seeded history). */
  public Future<Void> write(SqlClient tx, String tenantId, long jobId, UUID applicationId) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(new JsonArray().add(new JsonObject().put("tenant_id", tenantId)
      .put("job_id", jobId).put("application_id", applicationId.toString()).put("steps", steps())))).mapEmpty();
  }

  /** The traces of several jobs' attempts, in one statement. */
  static Future<Void> writeAll(SqlClient tx, Map<ClaimedJob, TraceRecorder> traces) {
    JsonArray attempts = new JsonArray();
    traces.forEach((job, trace) -> {
      if (!trace.entries.isEmpty()) {
        attempts.add(new JsonObject().put("tenant_id", job.tenantId()).put("job_id", job.id())
          .put("application_id", job.applicationId().toString()).put("steps", trace.steps()));
      }
    });
    if (attempts.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(INSERT).execute(Tuple.of(attempts)).mapEmpty();
  }

  private JsonArray steps() {
    JsonArray steps = new JsonArray();
    for (TraceEntry entry : entries) {
      steps.add(new JsonObject().put("step", entry.step()).put("started_at", entry.startedAt().toString())
        .put("duration_micros", entry.durationMicros()).put("outcome", entry.outcome())
        .put("input_summary", entry.input()).put("output", entry.output()));
    }
    return steps;
  }
}
