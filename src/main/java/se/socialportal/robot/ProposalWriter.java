package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.robot.registers.Agency;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a finished pipeline run in ONE transaction: the job is done (fenced by the claim), the beslutsförslag
 * (UNIQUE per application version — a second one is impossible), its warnings, the stickprov draw and document
 * request, the application's status and history event, the trace and the audit rows — and, where the nämnd has
 * delegated the case type to automation, the decision and its letter (casework's AutomatedDecision). Either all of it
 * exists or none.
 * Statements that belong together are single statements with data-modifying CTEs, and independent ones are sent
 * pipelined, so a proposal costs few round trips (the bench in docs/robot.md).
 */
public final class ProposalWriter {

  private static final Set<String> OPEN = Set.of("submitted", "under_review", "komplettering_requested");
  private static final String SUPERSEDE = "UPDATE beslutsforslag SET status = 'superseded' WHERE application_id = $1 "
    + "AND application_version < $2 AND status = 'awaiting_review'";
  // The proposal, its warnings and the stickprov draw (recorded once per application) in one statement; returns the
  // proposal's id and whether this run recorded a draw that picked the case.
  private static final String INSERT_PROPOSAL = "WITH p AS (INSERT INTO beslutsforslag (tenant_id, application_id, "
    + "application_version, outcome, amount, calculation, rule_versions, motivering, legal_basis, register_data, "
    + "comparison, stickprov, decided_automatically, status) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id), "
    + "w AS (INSERT INTO case_warning (tenant_id, proposal_id, application_id, type, message, details) "
    + "SELECT $1, p.id, $2, w.type, w.message, w.details FROM p, "
    + "jsonb_to_recordset($15::jsonb) AS w (type text, message text, details jsonb)), "
    + "d AS (INSERT INTO stickprov_draw (application_id, tenant_id, application_version, rule_version, percent, draw, "
    + "sampled, reason, requested_items, request_message, due_at) "
    + "VALUES ($2, $1, $3, $16, $17, $18, $12, $19, $20, $21, $22) ON CONFLICT (application_id) DO NOTHING "
    + "RETURNING sampled) "
    + "SELECT p.id, coalesce((SELECT sampled FROM d), false) AS newly_sampled FROM p";
  // The status (when it changes) and the history event in one statement.
  private static final String STATUS_AND_EVENT = "WITH s AS (UPDATE application SET status = $4, updated_at = $6 "
    + "WHERE id = $1 AND $4::text IS NOT NULL) INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, data) VALUES ($1, $2, $3, $4, 'robot', $5)";
  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, data) VALUES ($1, $2, $3, $4, 'robot', $5)";

  private final Pool pool;
  private final JobQueue queue;
  private final Clock clock;
  private final Komplettering komplettering;
  private final AutomatedDecision automatedDecision;

  public ProposalWriter(Pool pool, JobQueue queue, Clock clock, AutomatedDecision automatedDecision) {
    this.pool = pool;
    this.queue = queue;
    this.clock = clock;
    this.komplettering = new Komplettering(pool, clock, new OutboxNotifier());
    this.automatedDecision = automatedDecision;
  }

  /** A written proposal, and the decision taken on it when the case was decided automatically. */
  private record Written(UUID proposalId, Optional<AutomatedDecision.Taken> decision) {
  }

  /** @return the proposal's id, or empty when the application changed under the robot (withdrawn, newer version) */
  public Future<Optional<UUID>> write(CaseState state, TraceRecorder trace) {
    ClaimedJob job = state.file().job();
    return pool.withTransaction(tx -> queue.doneLockingApplication(tx, job).compose(application -> {
      boolean current = application.version() == job.applicationVersion() && OPEN.contains(application.status());
      Future<Optional<Written>> written = current
        ? writeProposal(tx, state, application.status()).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
      // Sent together on the transaction's connection (pipelined); any failure rolls everything back.
      return Future.all(written, trace.write(tx, job), AuditLog.recordAll(tx, state.audit()))
        .map(all -> written.result());
    })).compose(written -> {
      Optional<AutomatedDecision.Taken> decision = written.flatMap(Written::decision);
      // The letter is on Mina sidor with the commit; the mailbox hand-over follows (retried by ExpedieringVerticle
      // when it fails, never undoing the decision).
      Future<Boolean> delivered = decision.map(taken -> automatedDecision.deliver(taken, job.tenantId()))
        .orElse(Future.succeededFuture(false));
      return delivered.map(v -> written.map(Written::proposalId));
    });
  }

  private Future<Written> writeProposal(SqlConnection tx, CaseState state, String status) {
    ClaimedJob job = state.file().job();
    Calculation calculation = state.calculation().orElseThrow();
    boolean automated = state.automation().automated();
    Stickprov.Draw draw = state.stickprov();
    Map<String, String> versions = new TreeMap<>(calculation.ruleVersions());
    versions.putAll(state.rules().versions());
    Tuple proposal = Tuple.of(job.tenantId(), job.applicationId(), job.applicationVersion(), calculation.outcome(),
        calculation.amount(), calculation.json())
      .addValue(new JsonObject(new TreeMap<String, Object>(versions)))
      .addValue(state.motivering().text())
      .addValue(new JsonArray(new ArrayList<Object>(state.motivering().legalBasis())))
      .addValue(registerData(state))
      .addValue(state.comparison().toJson())
      .addValue(draw.sampled())
      .addValue(automated)
      .addValue(automated ? "decided" : "awaiting_review")
      .addValue(warnings(state))
      .addValue(draw.ruleVersion())
      .addValue(draw.percent())
      .addValue(draw.value())
      .addValue(draw.reason())
      .addValue(draw.itemsJson())
      .addValue(draw.sampled() ? Stickprov.requestMessage() : null)
      .addValue(draw.sampled() ? JobQueue.time(clock.instant().plus(Stickprov.DOCUMENT_DEADLINE)) : null);
    // A first version has nothing to supersede.
    Future<?> superseded = job.applicationVersion() == 1 ? Future.succeededFuture()
      : tx.preparedQuery(SUPERSEDE).execute(Tuple.of(job.applicationId(), job.applicationVersion()));
    return superseded.compose(v -> tx.preparedQuery(INSERT_PROPOSAL).execute(proposal))
      .compose(rows -> {
        Row row = rows.iterator().next();
        UUID id = row.getUUID("id");
        Future<Optional<AutomatedDecision.Taken>> decided = automated
          ? decide(tx, state, id, calculation, versions).map(Optional::of)
          : Future.succeededFuture(Optional.empty());
        return decided.compose(decision -> history(tx, state, status, id, versions, row.getBoolean("newly_sampled"),
          decision).map(new Written(id, decision)));
      });
  }

  /** The automated decision on the proposal just written, under the tenant's automation rule. */
  private Future<AutomatedDecision.Taken> decide(SqlConnection tx, CaseState state, UUID proposalId,
                                                 Calculation calculation, Map<String, String> versions) {
    ClaimedJob job = state.file().job();
    AutomatedDecision.Proposal proposal = new AutomatedDecision.Proposal(proposalId, job.tenantId(),
      job.applicationId(), calculation.outcome(), calculation.json(), state.motivering().text(),
      new ArrayList<>(state.motivering().legalBasis()), new JsonObject(new TreeMap<String, Object>(versions)));
    AutomatedDecision.Rule rule = new AutomatedDecision.Rule(versions.get("automation"),
      state.automation().decisionType(), state.rules().automationSource());
    return automatedDecision.take(tx, proposal, rule);
  }

  private static JsonArray warnings(CaseState state) {
    JsonArray rows = new JsonArray();
    for (RaisedWarning warning : state.warnings()) {
      rows.add(new JsonObject().put("type", warning.type()).put("message", warning.message())
        .put("details", warning.details()));
    }
    return rows;
  }

  /** The application's status and the events in its history (the resident's timeline reads these). */
  private Future<Void> history(SqlConnection tx, CaseState state, String status, UUID proposalId,
                               Map<String, String> versions, boolean newlySampled,
                               Optional<AutomatedDecision.Taken> decision) {
    ClaimedJob job = state.file().job();
    JsonObject data = new JsonObject().put("proposalId", proposalId.toString()).put("version", job.applicationVersion())
      .put("warnings", state.warnings().size()).put("stickprov", state.stickprov().sampled());
    Future<Void> proposed;
    if (state.automation().automated()) {
      AutomatedDecision.Taken taken = decision.orElseThrow();
      data.put("automated", true).put("decisionType", state.automation().decisionType())
        .put("ruleVersions", new JsonObject(new TreeMap<String, Object>(versions)))
        .put("decisionSet", taken.decisionSet().toString())
        .put("decisions", new JsonArray(taken.decisionIds().stream().map(UUID::toString).map(Object.class::cast).toList()))
        .put("letterId", taken.letterId().toString());
      proposed = statusAndEvent(tx, job, "decided", "decided", data);
    } else if ("submitted".equals(status)) {
      proposed = statusAndEvent(tx, job, "robot_proposal", "under_review", data);
    } else {
      proposed = statusAndEvent(tx, job, "robot_proposal", null, data);
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

  /** The new status (null = unchanged) and the event recording it. */
  private Future<Void> statusAndEvent(SqlClient tx, ClaimedJob job, String type, String status, JsonObject data) {
    return tx.preparedQuery(STATUS_AND_EVENT).execute(Tuple.of(job.applicationId(), job.tenantId(), type, status, data,
      JobQueue.time(clock.instant()))).mapEmpty();
  }

  /** In the parking transaction: the case's history shows that the robot handed it to a person, and why. */
  static Future<Void> manualReviewEvent(SqlClient tx, ClaimedJob job, String step, String reason) {
    return tx.preparedQuery(EVENT).execute(Tuple.of(job.applicationId(), job.tenantId(), "robot_manual_review", null,
      new JsonObject().put("version", job.applicationVersion()).put("step", step).put("reason", reason))).mapEmpty();
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
