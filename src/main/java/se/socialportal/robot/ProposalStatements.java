package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based statements that write a batch of finished jobs: each takes every job of the batch at once (arrays or a
 * jsonb record set), so a batch of 50 proposals costs PostgreSQL the same handful of statements as one. Per row the work
 * is what it always was; what a batch saves is the statement, round trip and commit per job (docs/robot.md, bench).
 */
final class ProposalStatements {

  // Every job still held by this worker becomes done, and its application row is locked (in id order, so two
  // batches can never wait on each other). A job missing from the answer was taken over: its result is discarded.
  private static final String DONE_LOCKING = "WITH input AS (SELECT * FROM unnest($1::bigint[], $2::text[], "
    + "$3::int[]) AS i (id, claimed_by, attempts)), "
    + "done AS (UPDATE robot_job j SET status = 'done', finished_at = $4, lease_until = NULL, failed_step = NULL "
    + "FROM input WHERE j.id = input.id AND j.claimed_by = input.claimed_by AND j.attempts = input.attempts "
    + "AND j.status = 'claimed' RETURNING j.id, j.application_id) "
    + "SELECT done.id AS job_id, a.status, a.version FROM application a JOIN done ON done.application_id = a.id "
    + "ORDER BY a.id FOR UPDATE OF a";
  private static final String SUPERSEDE = "UPDATE beslutsforslag b SET status = 'superseded' "
    + "FROM unnest($1::uuid[], $2::int[]) AS x (application_id, version) "
    + "WHERE b.application_id = x.application_id AND b.application_version < x.version AND b.status = 'awaiting_review'";
  // The proposals (UNIQUE per application version: a second one for the same version is impossible), their warnings
  // and the stickprov draws (recorded once per application); answers which applications this batch newly sampled.
  // $4 is the batch's time on the application's clock (the stickprov report selects draws by drawn_at).
  private static final String PROPOSALS = "WITH p AS (INSERT INTO beslutsforslag (id, tenant_id, application_id, "
    + "application_version, outcome, amount, calculation, rule_versions, motivering, legal_basis, register_data, "
    + "comparison, stickprov, decided_automatically, status, created_at) SELECT x.id, x.tenant_id, x.application_id, "
    + "x.application_version, x.outcome, x.amount, x.calculation, x.rule_versions, x.motivering, x.legal_basis, "
    + "x.register_data, x.comparison, x.stickprov, x.decided_automatically, x.status, $4 "
    + "FROM jsonb_to_recordset($1::jsonb) AS x (id uuid, tenant_id text, application_id uuid, application_version int, "
    + "outcome text, amount numeric, calculation jsonb, rule_versions jsonb, motivering text, legal_basis jsonb, "
    + "register_data jsonb, comparison jsonb, stickprov boolean, decided_automatically boolean, status text) "
    + "RETURNING id), "
    + "w AS (INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message, details, created_at) "
    + "SELECT w.tenant_id, p.id, w.application_id, w.type, w.message, w.details, $4 FROM jsonb_to_recordset($2::jsonb) "
    + "AS w (tenant_id text, proposal_id uuid, application_id uuid, type text, message text, details jsonb) "
    + "JOIN p ON p.id = w.proposal_id), "
    + "d AS (INSERT INTO stickprov_draw (application_id, tenant_id, application_version, rule_version, percent, draw, "
    + "sampled, reason, requested_items, request_message, due_at, drawn_at) SELECT d.application_id, d.tenant_id, "
    + "d.application_version, d.rule_version, d.percent, d.draw, d.sampled, d.reason, d.requested_items, "
    + "d.request_message, d.due_at, $4 FROM jsonb_to_recordset($3::jsonb) AS d (application_id uuid, tenant_id text, "
    + "application_version int, rule_version text, percent numeric, draw numeric, sampled boolean, reason text, "
    + "requested_items jsonb, request_message text, due_at timestamptz) "
    + "ON CONFLICT (application_id) DO NOTHING RETURNING application_id, sampled) "
    + "SELECT application_id FROM d WHERE sampled";

  private ProposalStatements() {
  }

  /** The application's status and version, as locked for a job still held. */
  record Locked(ApplicationStatus status, int version) {
  }

  /** @return job id → its locked application, for the jobs this worker still holds */
  static Future<Map<Long, Locked>> doneLocking(SqlClient tx, List<ClaimedJob> jobs, Instant now) {
    Long[] ids = new Long[jobs.size()];
    String[] workers = new String[jobs.size()];
    Integer[] attempts = new Integer[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      ids[i] = jobs.get(i).id();
      workers[i] = jobs.get(i).claimedBy();
      attempts[i] = jobs.get(i).attempts();
    }
    return tx.preparedQuery(DONE_LOCKING).execute(Tuple.of(ids, workers, attempts, JobQueue.time(now))).map(rows -> {
      Map<Long, Locked> held = new HashMap<>();
      for (Row row : rows) {
        held.put(row.getLong("job_id"), new Locked(ApplicationStatus.of(row.getString("status")),
          row.getInteger("version")));
      }
      return held;
    });
  }

  /** Earlier versions' proposals still awaiting review give way to the new ones. */
  static Future<Void> supersede(SqlClient tx, List<UUID> applications, List<Integer> versions) {
    if (applications.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.preparedQuery(SUPERSEDE).execute(Tuple.of(applications.toArray(new UUID[0]),
      versions.toArray(new Integer[0]))).mapEmpty();
  }

  /** A proposal as a row of {@link #proposals}' first record set. */
  static JsonObject proposalRow(ProposalStore.Proposal proposal) {
    return new JsonObject().put("id", proposal.id().toString()).put("tenant_id", proposal.tenantId())
      .put("application_id", proposal.applicationId().toString())
      .put("application_version", proposal.applicationVersion())
      .put("outcome", proposal.outcome()).put("amount", proposal.amount().toPlainString())
      .put("calculation", proposal.calculation()).put("rule_versions", proposal.ruleVersions())
      .put("motivering", proposal.motivering())
      .put("legal_basis", new JsonArray(new java.util.ArrayList<Object>(proposal.legalBasis())))
      .put("register_data", proposal.registerData()).put("comparison", proposal.comparison())
      .put("stickprov", proposal.stickprov()).put("decided_automatically", proposal.decidedAutomatically())
      .put("status", proposal.decidedAutomatically() ? "decided" : "awaiting_review");
  }

  /** A warning of the proposal, as a row of the second record set. */
  static JsonObject warningRow(ProposalStore.Proposal proposal, ProposalStore.Warning warning) {
    return new JsonObject().put("tenant_id", proposal.tenantId()).put("proposal_id", proposal.id().toString())
      .put("application_id", proposal.applicationId().toString()).put("type", warning.type())
      .put("message", warning.message()).put("details", warning.details());
  }

  /** The application's stickprov draw, as a row of the third record set. */
  static JsonObject drawRow(ProposalStore.Proposal proposal, ProposalStore.Draw draw) {
    return new JsonObject().put("application_id", proposal.applicationId().toString())
      .put("tenant_id", proposal.tenantId()).put("application_version", proposal.applicationVersion())
      .put("rule_version", draw.ruleVersion()).put("percent", draw.percent().toPlainString())
      .put("draw", draw.draw().toPlainString()).put("sampled", draw.sampled()).put("reason", draw.reason())
      .put("requested_items", draw.requestedItems()).put("request_message", draw.requestMessage().orElse(null))
      .put("due_at", draw.dueAt().map(Instant::toString).orElse(null));
  }

  /** @return the applications whose stickprov draw this batch recorded and which it picked */
  static Future<Set<UUID>> proposals(SqlClient tx, JsonArray proposals, JsonArray warnings, JsonArray draws,
                                     Instant now) {
    return tx.preparedQuery(PROPOSALS).execute(Tuple.of(proposals, warnings, draws, JobQueue.time(now))).map(rows -> {
      Set<UUID> sampled = new HashSet<>();
      rows.forEach(row -> sampled.add(row.getUUID("application_id")));
      return sampled;
    });
  }
}
