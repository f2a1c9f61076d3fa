package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.notify.OutboxNotifier;
import java.util.Optional;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditLog;
import se.socialportal.robot.registers.Agency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a finished pipeline run in ONE transaction: the job is done (fenced by the claim), the beslutsförslag
 * (UNIQUE per application version — a second one is impossible), its warnings, the stickprov draw and document
 * request, the application's status and history event, the trace and the audit rows. Either all of it exists or none.
 */
public final class ProposalWriter {

  private static final String LOCK_APPLICATION = "SELECT status, version, applicant_id FROM application WHERE id = $1 "
    + "FOR UPDATE";
  private static final String SUPERSEDE = "UPDATE beslutsforslag SET status = 'superseded' WHERE application_id = $1 "
    + "AND application_version < $2 AND status = 'awaiting_review'";
  private static final String INSERT_PROPOSAL = "INSERT INTO beslutsforslag (tenant_id, application_id, "
    + "application_version, outcome, amount, calculation, rule_versions, motivering, legal_basis, register_data, "
    + "comparison, stickprov, decided_automatically, status) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
  private static final String INSERT_WARNINGS = "INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, "
    + "message, details) SELECT $1, $2, $3, w.type, w.message, w.details "
    + "FROM jsonb_to_recordset($4::jsonb) AS w (type text, message text, details jsonb)";
  private static final String INSERT_DRAW = "INSERT INTO stickprov_draw (application_id, tenant_id, application_version, "
    + "rule_version, percent, draw, sampled, reason, requested_items, request_message, due_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (application_id) DO NOTHING RETURNING sampled";
  private static final String SET_STATUS = "UPDATE application SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String INSERT_EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, data) VALUES ($1, $2, $3, $4, 'robot', $5)";

  private final Pool pool;
  private final JobQueue queue;
  private final Clock clock;
  private final Komplettering komplettering;

  public ProposalWriter(Pool pool, JobQueue queue, Clock clock) {
    this.pool = pool;
    this.queue = queue;
    this.clock = clock;
    this.komplettering = new Komplettering(pool, clock, new OutboxNotifier());
  }

  /** @return the proposal's id, or empty when the application changed under the robot (withdrawn, newer version) */
  public Future<java.util.Optional<UUID>> write(CaseState state, TraceRecorder trace) {
    ClaimedJob job = state.file().job();
    return pool.withTransaction(tx -> queue.done(tx, job)
      .compose(v -> tx.preparedQuery(LOCK_APPLICATION).execute(Tuple.of(job.applicationId())))
      .compose(rows -> {
        Row row = rows.iterator().next();
        String status = row.getString("status");
        boolean current = row.getInteger("version") == job.applicationVersion()
          && List.of("submitted", "under_review", "komplettering_requested").contains(status);
        Future<java.util.Optional<UUID>> written = current
          ? writeProposal(tx, state, status).map(java.util.Optional::of)
          : Future.succeededFuture(java.util.Optional.empty());
        // Sent together on the transaction's connection (pipelined); any failure rolls everything back.
        return Future.all(written, trace.write(tx, job), AuditLog.recordAll(tx, state.audit()))
          .map(all -> written.result());
      }));
  }

  private Future<UUID> writeProposal(SqlConnection tx, CaseState state, String status) {
    ClaimedJob job = state.file().job();
    Calculation calculation = state.calculation().orElseThrow();
    boolean automated = state.automation().automated();
    Map<String, String> versions = new TreeMap<>(calculation.ruleVersions());
    versions.putAll(state.rules().versions());
    Tuple proposal = Tuple.of(job.tenantId(), job.applicationId(), job.applicationVersion(), calculation.outcome(),
        calculation.amount(), calculation.json())
      .addValue(new JsonObject(new TreeMap<String, Object>(versions)))
      .addValue(state.motivering().text())
      .addValue(new JsonArray(new ArrayList<Object>(state.motivering().legalBasis())))
      .addValue(registerData(state))
      .addValue(state.comparison().toJson())
      .addValue(state.stickprov().sampled())
      .addValue(automated)
      .addValue(automated ? "decided" : "awaiting_review");
    // A first version has nothing to supersede.
    Future<?> superseded = job.applicationVersion() == 1 ? Future.succeededFuture()
      : tx.preparedQuery(SUPERSEDE).execute(Tuple.of(job.applicationId(), job.applicationVersion()));
    return superseded.compose(v -> tx.preparedQuery(INSERT_PROPOSAL).execute(proposal))
      .map(rows -> rows.iterator().next().getUUID("id"))
      .compose(id -> Future.all(warnings(tx, state, id),
          stickprov(tx, state).compose(newlySampled -> history(tx, state, status, id, versions, newlySampled)))
        .map(id));
  }

  private static Future<Void> warnings(SqlClient tx, CaseState state, UUID proposalId) {
    List<RaisedWarning> warnings = state.warnings();
    if (warnings.isEmpty()) {
      return Future.succeededFuture();
    }
    ClaimedJob job = state.file().job();
    JsonArray rows = new JsonArray();
    for (RaisedWarning warning : warnings) {
      rows.add(new JsonObject().put("type", warning.type()).put("message", warning.message())
        .put("details", warning.details()));
    }
    return tx.preparedQuery(INSERT_WARNINGS).execute(Tuple.of(job.tenantId(), proposalId, job.applicationId(), rows))
      .mapEmpty();
  }

  /** The draw is recorded once per application; true when this run drew it and it picked the case. */
  private Future<Boolean> stickprov(SqlClient tx, CaseState state) {
    ClaimedJob job = state.file().job();
    Stickprov.Draw draw = state.stickprov();
    return tx.preparedQuery(INSERT_DRAW).execute(Tuple.of(job.applicationId(), job.tenantId(), job.applicationVersion(),
        draw.ruleVersion(), draw.percent(), draw.value())
        .addValue(draw.sampled()).addValue(draw.reason()).addValue(draw.itemsJson())
        .addValue(draw.sampled() ? Stickprov.requestMessage() : null)
        .addValue(draw.sampled() ? JobQueue.time(clock.instant().plus(Stickprov.DOCUMENT_DEADLINE)) : null))
      .map(rows -> rows.rowCount() == 1 && rows.iterator().next().getBoolean("sampled"));
  }

  /** The application's status and the events in its history (the resident's timeline reads these). */
  private Future<Void> history(SqlConnection tx, CaseState state, String status, UUID proposalId,
                               Map<String, String> versions, boolean newlySampled) {
    ClaimedJob job = state.file().job();
    JsonObject data = new JsonObject().put("proposalId", proposalId.toString()).put("version", job.applicationVersion())
      .put("warnings", state.warnings().size()).put("stickprov", state.stickprov().sampled());
    Future<Void> proposed;
    if (state.automation().automated()) {
      data.put("automated", true).put("decisionType", state.automation().decisionType())
        .put("ruleVersions", new JsonObject(new TreeMap<String, Object>(versions)));
      proposed = setStatus(tx, job, "decided").compose(v -> event(tx, job, "decided", "decided", data));
    } else if ("submitted".equals(status)) {
      proposed = setStatus(tx, job, "under_review").compose(v -> event(tx, job, "robot_proposal", "under_review", data));
    } else {
      proposed = event(tx, job, "robot_proposal", null, data);
    }
    if (!newlySampled || state.stickprov().items().isEmpty()) {
      // Nothing to ask for when the submission already brought every document a stickprov needs.
      return proposed;
    }
    // The e-tjänst's own request (docs/application.md): komplettering_request by the robot, status
    // komplettering_requested, the event and the notification to the household.
    return proposed.compose(v -> ApplicationRepository.find(tx, job.applicationId()))
      .compose(row -> komplettering.request(tx, row.orElseThrow(), Optional.empty(), Stickprov.requestMessage(),
        state.stickprov().items(), clock.instant().plus(Stickprov.DOCUMENT_DEADLINE)))
      .mapEmpty();
  }

  private Future<Void> setStatus(SqlClient tx, ClaimedJob job, String status) {
    return tx.preparedQuery(SET_STATUS).execute(Tuple.of(job.applicationId(), status, JobQueue.time(clock.instant())))
      .mapEmpty();
  }

  /** In the parking transaction: the case's history shows that the robot handed it to a person, and why. */
  static Future<Void> manualReviewEvent(SqlClient tx, ClaimedJob job, String step, String reason) {
    return event(tx, job, "robot_manual_review", null, new JsonObject().put("version", job.applicationVersion())
      .put("step", step).put("reason", reason));
  }

  private static Future<Void> event(SqlClient tx, ClaimedJob job, String type, String status, JsonObject data) {
    return tx.preparedQuery(INSERT_EVENT).execute(Tuple.of(job.applicationId(), job.tenantId(), type, status, data))
      .mapEmpty();
  }

  private static JsonObject registerData(CaseState state) {
    JsonArray persons = new JsonArray();
    for (CaseFile.Adult adult : state.file().adults()) {
      var answer = state.registers().get(adult.personId());
      if (answer != null) {
        persons.add(answer.toJson().put("role", adult.role()).put("personId", adult.personId().toString()));
      }
    }
    return new JsonObject().put("persons", persons).put("missing",
      new JsonArray(state.missingAgencies().stream().map(Agency::name).map(Object.class::cast).toList()));
  }
}
