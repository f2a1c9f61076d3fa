package se.socialportal.robot;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.robot.registers.Agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes finished pipeline runs. Each job's result is all or nothing: the job done (fenced by its claim), the
 * beslutsförslag (UNIQUE per application version), its warnings, the stickprov draw and document request, the
 * application's status and history event, the trace and the audit rows — and, where the nämnd has delegated the case
 * type to automation, the decision and its letter (casework's AutomatedDecision).
 *
 * <p>Results that finish while a write is under way are written together in one transaction with set-based statements
 * (ProposalStatements): under load a batch of dozens of jobs costs PostgreSQL a handful of statements, and alone a job
 * is written at once. A job whose claim was taken over is left out of its batch; if a batch fails, each of its jobs is
 * written on its own, so one bad result never holds back the others.
 */
public final class ProposalWriter {

  private static final Set<String> OPEN = Set.of("submitted", "under_review", "komplettering_requested");
  private static final int MAX_BATCH = 64;
  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, data, at) VALUES ($1, $2, $3, $4, 'robot', $5, $6)";

  private final Pool pool;
  private final Clock clock;
  private final Komplettering komplettering;
  private final AutomatedDecision automatedDecision;
  // Results waiting for the next write, and whether a write is under way: one batch at a time per writer, so results
  // finishing meanwhile gather into the next, larger batch. Lock-free: robot verticles on several event loops may
  // share the writer (ROBOT_INSTANCES), and an event loop never waits for a lock.
  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  public ProposalWriter(Pool pool, Clock clock, AutomatedDecision automatedDecision) {
    this.pool = pool;
    this.clock = clock;
    this.komplettering = new Komplettering(pool, clock, new OutboxNotifier(clock));
    this.automatedDecision = automatedDecision;
  }

  /** @param context where the job's processor runs (its verticle's event loop): the outcome is delivered there */
  private record Pending(CaseState state, TraceRecorder trace, Context context, Promise<Optional<UUID>> promise) {
    ClaimedJob job() {
      return state.file().job();
    }

    void succeed(Optional<UUID> proposalId) {
      on(() -> promise.tryComplete(proposalId));
    }

    void fail(Throwable failure) {
      on(() -> promise.tryFail(failure));
    }

    private void on(Runnable action) {
      if (context == null || Vertx.currentContext() == context) {
        action.run();
      } else {
        context.runOnContext(v -> action.run());
      }
    }
  }

  /** How one job of a batch was written. */
  private record Written(boolean lost, Optional<UUID> proposalId, Optional<AutomatedDecision.Taken> decision) {
    static final Written LOST = new Written(true, Optional.empty(), Optional.empty());
  }

  /** @return the proposal's id, or empty when the application changed under the robot (withdrawn, newer version) */
  public Future<Optional<UUID>> write(CaseState state, TraceRecorder trace) {
    Promise<Optional<UUID>> promise = Promise.promise();
    waiting.add(new Pending(state, trace, Vertx.currentContext(), promise));
    writeWaiting();
    return promise.future();
  }

  /** Starts a write of what is waiting, unless one is under way (its end comes back here). */
  private void writeWaiting() {
    while (!waiting.isEmpty() && writing.compareAndSet(false, true)) {
      List<Pending> batch = take();
      if (!batch.isEmpty()) {
        flush(batch);
        return;
      }
      writing.set(false);
    }
  }

  private List<Pending> take() {
    List<Pending> batch = new ArrayList<>();
    while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(waiting.poll());
    }
    return batch;
  }

  private void flush(List<Pending> batch) {
    Future<Map<Pending, Written>> written;
    try {
      written = writeBatch(batch);
    } catch (RuntimeException e) {
      // Never leave "a write is under way" set with nothing under way: every later result would wait for ever.
      written = Future.failedFuture(e);
    }
    // Only a failed write is written again, job by job; a committed batch never is.
    written.transform(result -> {
      if (result.succeeded()) {
        result.result().forEach(this::completeSafely);
        return Future.<Void>succeededFuture();
      }
      return batch.size() == 1 ? failOne(batch.get(0), result.cause()) : writeOneByOne(batch);
    }).onComplete(done -> {
      writing.set(false);
      writeWaiting();
    });
  }

  private Future<Void> failOne(Pending pending, Throwable failure) {
    pending.fail(failure);
    return Future.succeededFuture();
  }

  /** After a failed batch: each job alone, so the one that cannot be written fails by itself. */
  private Future<Void> writeOneByOne(List<Pending> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Pending pending : batch) {
      chain = chain.compose(v -> writeBatch(List.of(pending))
        .map(results -> {
          results.forEach(this::completeSafely);
          return (Void) null;
        })
        .recover(failure -> failOne(pending, failure)));
    }
    return chain;
  }

  /** One result that cannot be handed back fails alone; the others of its batch still get theirs. */
  private void completeSafely(Pending pending, Written written) {
    try {
      complete(pending, written);
    } catch (RuntimeException e) {
      pending.fail(e);
    }
  }

  /** After commit: the outcome to the job's processor, and an automated decision's letter to the mailbox. */
  private void complete(Pending pending, Written written) {
    if (written.lost()) {
      pending.fail(new LostClaimException(pending.job().id()));
      return;
    }
    // The letter is on Mina sidor with the commit; the mailbox hand-over follows (retried by ExpedieringVerticle when
    // it fails, never undoing the decision).
    Future<Boolean> delivered = written.decision()
      .map(taken -> automatedDecision.deliver(taken, pending.job().tenantId())).orElse(Future.succeededFuture(false));
    delivered.onComplete(v -> pending.succeed(written.proposalId()));
  }

  private Future<Map<Pending, Written>> writeBatch(List<Pending> batch) {
    Instant now = clock.instant();
    List<ClaimedJob> jobs = batch.stream().map(Pending::job).toList();
    return pool.withTransaction(tx -> ProposalStatements.doneLocking(tx, jobs, now).compose(held -> {
      Map<Pending, Written> results = new LinkedHashMap<>();
      BatchRows rows = new BatchRows(now);
      for (Pending pending : batch) {
        ProposalStatements.Locked locked = held.get(pending.job().id());
        if (locked == null) {
          results.put(pending, Written.LOST);
        } else if (locked.version() == pending.job().applicationVersion() && OPEN.contains(locked.status())) {
          results.put(pending, new Written(false, Optional.of(rows.proposal(pending.state(), locked.status())),
            Optional.empty()));
        } else {
          results.put(pending, new Written(false, Optional.empty(), Optional.empty()));
        }
      }
      return ProposalStatements.supersede(tx, rows.supersededApplications, rows.supersededVersions)
        .compose(v -> rows.proposals.isEmpty() ? Future.succeededFuture(Set.<UUID>of())
          : ProposalStatements.proposals(tx, rows.proposals, rows.warnings, rows.draws, now))
        .compose(newlySampled -> decideAutomated(tx, results)
          .compose(v -> ProposalStatements.statusAndEvents(tx, rows.events(results), now))
          .compose(v -> requestDocuments(tx, rows, newlySampled)))
        .compose(v -> Future.all(TraceRecorder.writeAll(tx, traces(results)),
          AuditLog.recordAll(tx, audit(results), now)))
        .map(results);
    }));
  }

  /** The automated decisions of the batch, one by one (rare; each renders a letter). */
  private Future<Void> decideAutomated(SqlConnection tx, Map<Pending, Written> results) {
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<Pending, Written> entry : results.entrySet()) {
      CaseState state = entry.getKey().state();
      Optional<UUID> proposalId = entry.getValue().proposalId();
      if (proposalId.isEmpty() || !state.automation().automated()) {
        continue;
      }
      chain = chain.compose(v -> automatedDecision.take(tx, automatedProposal(state, proposalId.get()),
          new AutomatedDecision.Rule(BatchRows.versions(state).getString("automation"),
            state.automation().decisionType(), state.rules().automationSource()))
        .map(taken -> {
          entry.setValue(new Written(false, proposalId, Optional.of(taken)));
          return null;
        }));
    }
    return chain;
  }

  private AutomatedDecision.Proposal automatedProposal(CaseState state, UUID proposalId) {
    ClaimedJob job = state.file().job();
    Calculation calculation = state.calculation().orElseThrow();
    return new AutomatedDecision.Proposal(proposalId, job.tenantId(), job.applicationId(), calculation.outcome(),
      calculation.json(), state.motivering().text(), new ArrayList<>(state.motivering().legalBasis()),
      BatchRows.versions(state));
  }

  /**
   * The e-tjänst's own document request for each application this batch newly drew for stickprov
   * (docs/application.md): komplettering_request by the robot, status komplettering_requested, the event and the
   * notification to the household. Nothing to ask for when the submission already brought every document.
   */
  private Future<Void> requestDocuments(SqlConnection tx, BatchRows rows, Set<UUID> newlySampled) {
    Future<Void> chain = Future.succeededFuture();
    for (CaseState state : rows.proposed) {
      ClaimedJob job = state.file().job();
      if (!newlySampled.contains(job.applicationId()) || state.stickprov().items().isEmpty()) {
        continue;
      }
      chain = chain.compose(v -> ApplicationRepository.find(tx, job.applicationId()))
        .compose(row -> komplettering.request(tx, row.orElseThrow(), Optional.empty(), Stickprov.requestMessage(),
          state.stickprov().items(), clock.instant().plus(Stickprov.DOCUMENT_DEADLINE)))
        .mapEmpty();
    }
    return chain;
  }

  private static Map<ClaimedJob, TraceRecorder> traces(Map<Pending, Written> results) {
    Map<ClaimedJob, TraceRecorder> traces = new LinkedHashMap<>();
    results.forEach((pending, written) -> {
      if (!written.lost()) {
        traces.put(pending.job(), pending.trace());
      }
    });
    return traces;
  }

  private static List<AuditEntry> audit(Map<Pending, Written> results) {
    List<AuditEntry> entries = new ArrayList<>();
    results.forEach((pending, written) -> {
      if (!written.lost()) {
        entries.addAll(pending.state().audit());
      }
    });
    return entries;
  }

  /** In the parking transaction: the case's history shows that the robot handed it to a person, and why. */
  static Future<Void> manualReviewEvent(SqlClient tx, ClaimedJob job, String step, String reason, Instant at) {
    return tx.preparedQuery(EVENT).execute(Tuple.of(job.applicationId(), job.tenantId(), "robot_manual_review", null,
      new JsonObject().put("version", job.applicationVersion()).put("step", step).put("reason", reason),
      JobQueue.time(at))).mapEmpty();
  }

  /** In the waiting transaction: the case's history shows what the calculation waits for (e.g. next year's riksnorm). */
  static Future<Void> waitingForRulesEvent(SqlClient tx, ClaimedJob job, StepResult.WaitForRules rules, Instant at) {
    return tx.preparedQuery(EVENT).execute(Tuple.of(job.applicationId(), job.tenantId(), "robot_waiting_for_rules",
      null, rules.json().put("version", job.applicationVersion()).put("year", rules.month().getYear()),
      JobQueue.time(at))).mapEmpty();
  }

  /** The rows of a batch's set-based statements, gathered job by job. */
  private static final class BatchRows {

    private final Instant now;
    final JsonArray proposals = new JsonArray();
    final JsonArray warnings = new JsonArray();
    final JsonArray draws = new JsonArray();
    final List<UUID> supersededApplications = new ArrayList<>();
    final List<Integer> supersededVersions = new ArrayList<>();
    final List<CaseState> proposed = new ArrayList<>();
    private final Map<CaseState, String> statusBefore = new LinkedHashMap<>();

    BatchRows(Instant now) {
      this.now = now;
    }

    /** The proposal, its warnings and its draw as rows; returns the proposal's id (chosen here, so warnings refer to it). */
    UUID proposal(CaseState state, String status) {
      ClaimedJob job = state.file().job();
      Calculation calculation = state.calculation().orElseThrow();
      boolean automated = state.automation().automated();
      Stickprov.Draw draw = state.stickprov();
      UUID id = UUID.randomUUID();
      proposals.add(new JsonObject().put("id", id.toString()).put("tenant_id", job.tenantId())
        .put("application_id", job.applicationId().toString()).put("application_version", job.applicationVersion())
        .put("outcome", calculation.outcome()).put("amount", calculation.amount().toPlainString())
        .put("calculation", calculation.json())
        .put("rule_versions", versions(state))
        .put("motivering", state.motivering().text())
        .put("legal_basis", new JsonArray(new ArrayList<Object>(state.motivering().legalBasis())))
        .put("register_data", registerData(state)).put("comparison", state.comparison().toJson())
        .put("stickprov", draw.sampled()).put("decided_automatically", automated)
        .put("status", automated ? "decided" : "awaiting_review"));
      for (RaisedWarning warning : state.warnings()) {
        warnings.add(new JsonObject().put("tenant_id", job.tenantId()).put("proposal_id", id.toString())
          .put("application_id", job.applicationId().toString()).put("type", warning.type())
          .put("message", warning.message()).put("details", warning.details()));
      }
      draws.add(new JsonObject().put("application_id", job.applicationId().toString()).put("tenant_id", job.tenantId())
        .put("application_version", job.applicationVersion()).put("rule_version", draw.ruleVersion())
        .put("percent", draw.percent().toPlainString()).put("draw", draw.value().toPlainString())
        .put("sampled", draw.sampled()).put("reason", draw.reason()).put("requested_items", draw.itemsJson())
        .put("request_message", draw.sampled() ? Stickprov.requestMessage() : null)
        .put("due_at", draw.sampled() ? now.plus(Stickprov.DOCUMENT_DEADLINE).toString() : null));
      // A first version has nothing to supersede.
      if (job.applicationVersion() > 1) {
        supersededApplications.add(job.applicationId());
        supersededVersions.add(job.applicationVersion());
      }
      proposed.add(state);
      statusBefore.put(state, status);
      return id;
    }

    /** The history event of each proposal (the resident's timeline reads these) and the status it moves to. */
    JsonArray events(Map<Pending, Written> results) {
      JsonArray events = new JsonArray();
      results.forEach((pending, written) -> written.proposalId().ifPresent(id -> {
        CaseState state = pending.state();
        ClaimedJob job = pending.job();
        JsonObject data = new JsonObject().put("proposalId", id.toString()).put("version", job.applicationVersion())
          .put("warnings", state.warnings().size()).put("stickprov", state.stickprov().sampled());
        String type = "robot_proposal";
        String status = "submitted".equals(statusBefore.get(state)) ? "under_review" : null;
        if (written.decision().isPresent()) {
          AutomatedDecision.Taken taken = written.decision().get();
          type = "decided";
          status = "decided";
          data.put("automated", true).put("decisionType", state.automation().decisionType())
            .put("ruleVersions", versions(state))
            .put("decisionSet", taken.decisionSet().toString())
            .put("decisions", new JsonArray(taken.decisionIds().stream().map(UUID::toString)
              .map(Object.class::cast).toList()))
            .put("letterId", taken.letterId().toString());
        }
        events.add(new JsonObject().put("application_id", job.applicationId().toString())
          .put("tenant_id", job.tenantId()).put("type", type).put("status", status).put("data", data));
      }));
      return events;
    }

    /** The norm engine's rule versions and the robot's own (warnings, stickprov, automation), in a stable order. */
    static JsonObject versions(CaseState state) {
      Map<String, Object> versions = new TreeMap<>(state.calculation().orElseThrow().ruleVersions());
      versions.putAll(state.rules().versions());
      return new JsonObject(versions);
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
}
