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
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.cases.Komplettering;
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
 * type to automation, the decision and its letter (through the DecisionFunction casework implements).
 *
 * <p>Results that finish while a write is under way are written together in one transaction with set-based statements
 * (ProposalStatements): under load a batch of dozens of jobs costs PostgreSQL a handful of statements, and alone a job
 * is written at once. A job whose claim was taken over is left out of its batch; if a batch fails, each of its jobs is
 * written on its own, so one bad result never holds back the others.
 */
public final class ProposalWriter {

  private static final int MAX_BATCH = 64;

  private final Pool pool;
  private final Clock clock;
  private final Komplettering komplettering;
  private final DecisionFunction automatedDecision;
  // Results waiting for the next write, and whether a write is under way: one batch at a time per writer, so results
  // finishing meanwhile gather into the next, larger batch. Lock-free: robot verticles on several event loops may
  // share the writer (ROBOT_INSTANCES), and an event loop never waits for a lock.
  private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();

  /**
   * @param komplettering     the e-tjänst's document requests (a stickprov asks for documents through it)
   * @param automatedDecision decides where a tenant's automation rule lets the robot (casework's, from the root)
   */
  public ProposalWriter(Pool pool, Clock clock, Komplettering komplettering, DecisionFunction automatedDecision) {
    this.pool = pool;
    this.clock = clock;
    this.komplettering = komplettering;
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
  private record Written(boolean lost, Optional<UUID> proposalId, Optional<DecisionFunction.Taken> decision) {
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
        } else if (locked.version() == pending.job().applicationVersion()
          && ApplicationStatus.IN_CASEWORK.contains(locked.status())) {
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
          .compose(v -> rows.statusesAndEvents(tx, results))
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
          new DecisionFunction.Rule(BatchRows.versions(state).getString("automation"),
            state.automation().decisionType(), state.rules().automationSource()))
        .map(taken -> {
          entry.setValue(new Written(false, proposalId, Optional.of(taken)));
          return null;
        }));
    }
    return chain;
  }

  private DecisionFunction.Proposal automatedProposal(CaseState state, UUID proposalId) {
    ClaimedJob job = state.file().job();
    Calculation calculation = state.calculation().orElseThrow();
    return new DecisionFunction.Proposal(proposalId, job.tenantId(), job.applicationId(), calculation.outcome(),
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
    return ApplicationRepository.record(tx, robotEvent(job, "robot_manual_review",
      new JsonObject().put("version", job.applicationVersion()).put("step", step).put("reason", reason)), at);
  }

  /** In the waiting transaction: the case's history shows what the calculation waits for (e.g. next year's riksnorm). */
  static Future<Void> waitingForRulesEvent(SqlClient tx, ClaimedJob job, StepResult.WaitForRules rules, Instant at) {
    return ApplicationRepository.record(tx, robotEvent(job, "robot_waiting_for_rules",
      rules.json().put("version", job.applicationVersion()).put("year", rules.month().getYear())), at);
  }

  private static ApplicationEvent robotEvent(ClaimedJob job, String type, JsonObject data) {
    return new ApplicationEvent(job.applicationId(), job.tenantId(), type, Optional.empty(),
      ApplicationEvent.Actor.robot(), data);
  }

  /** The rows of a batch's set-based statements, gathered job by job. */
  static final class BatchRows {

    private final Instant now;
    final JsonArray proposals = new JsonArray();
    final JsonArray warnings = new JsonArray();
    final JsonArray draws = new JsonArray();
    final List<UUID> supersededApplications = new ArrayList<>();
    final List<Integer> supersededVersions = new ArrayList<>();
    final List<CaseState> proposed = new ArrayList<>();
    private final Map<CaseState, ApplicationStatus> statusBefore = new LinkedHashMap<>();

    BatchRows(Instant now) {
      this.now = now;
    }

    /** The proposal, its warnings and its draw as rows; returns the proposal's id (chosen here, so warnings refer to it). */
    UUID proposal(CaseState state, ApplicationStatus status) {
      ClaimedJob job = state.file().job();
      Calculation calculation = state.calculation().orElseThrow();
      Stickprov.Draw draw = state.stickprov();
      ProposalStore.Proposal proposal = new ProposalStore.Proposal(UUID.randomUUID(), job.tenantId(),
        job.applicationId(), job.applicationVersion(), calculation.outcome(), calculation.amount(), calculation.json(),
        versions(state), state.motivering().text(), state.motivering().legalBasis(), registerData(state),
        state.comparison().toJson(), draw.sampled(), state.automation().automated());
      proposals.add(ProposalStatements.proposalRow(proposal));
      for (RaisedWarning warning : state.warnings()) {
        warnings.add(ProposalStatements.warningRow(proposal,
          new ProposalStore.Warning(warning.type(), warning.message(), warning.details())));
      }
      draws.add(ProposalStatements.drawRow(proposal, new ProposalStore.Draw(draw.ruleVersion(), draw.percent(),
        draw.value(), draw.sampled(), draw.reason(), draw.itemsJson(),
        draw.sampled() ? Optional.of(Stickprov.requestMessage()) : Optional.empty(),
        draw.sampled() ? Optional.of(now.plus(Stickprov.DOCUMENT_DEADLINE)) : Optional.empty())));
      // A first version has nothing to supersede.
      if (job.applicationVersion() > 1) {
        supersededApplications.add(job.applicationId());
        supersededVersions.add(job.applicationVersion());
      }
      proposed.add(state);
      statusBefore.put(state, status);
      return proposal.id();
    }

    /**
     * The history event of each proposal (the resident's timeline reads these) and the status it moves to, through
     * the tables' owner: one statement for the moves and one for the events, whatever the batch's size.
     */
    Future<Void> statusesAndEvents(SqlClient tx, Map<Pending, Written> results) {
      List<ApplicationRepository.Move> moves = new ArrayList<>();
      List<ApplicationEvent> events = new ArrayList<>();
      results.forEach((pending, written) -> written.proposalId().ifPresent(id -> {
        CaseState state = pending.state();
        ClaimedJob job = pending.job();
        JsonObject data = new JsonObject().put("proposalId", id.toString()).put("version", job.applicationVersion())
          .put("warnings", state.warnings().size()).put("stickprov", state.stickprov().sampled());
        String type = "robot_proposal";
        ApplicationStatus before = statusBefore.get(state);
        ApplicationStatus status = before == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW : null;
        if (written.decision().isPresent()) {
          DecisionFunction.Taken taken = written.decision().get();
          type = "decided";
          status = ApplicationStatus.DECIDED;
          data.put("automated", true).put("decisionType", state.automation().decisionType())
            .put("ruleVersions", versions(state))
            .put("decisionSet", taken.decisionSet().toString())
            .put("decisions", new JsonArray(taken.decisionIds().stream().map(UUID::toString)
              .map(Object.class::cast).toList()))
            .put("letterId", taken.letterId().toString());
        }
        if (status != null) {
          moves.add(new ApplicationRepository.Move(job.applicationId(), before, status));
        }
        events.add(new ApplicationEvent(job.applicationId(), job.tenantId(), type, Optional.ofNullable(status),
          ApplicationEvent.Actor.robot(), data));
      }));
      return ApplicationRepository.moveAll(tx, moves, now).compose(v -> ApplicationRepository.recordAll(tx, events, now));
    }

    /** The norm engine's rule versions and the robot's own (warnings, stickprov, automation), in a stable order. */
    static JsonObject versions(CaseState state) {
      Map<String, Object> versions = new TreeMap<>(state.calculation().orElseThrow().ruleVersions());
      versions.putAll(state.rules().versions());
      return new JsonObject(versions);
    }

    static JsonObject registerData(CaseState state) {
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
