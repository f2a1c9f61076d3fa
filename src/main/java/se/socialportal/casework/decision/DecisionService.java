package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.casework.CaseEvents;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.Proposals;
import se.socialportal.casework.calc.Calculation;
import se.socialportal.casework.calc.Recalculation;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.identity.session.Session;
import se.socialportal.letters.DecisionLetter;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.LetterComposer;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.delegation.MotiveringTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Takes decisions on a case: approve the proposal, reject the application, or close the investigation without action.
 * One transaction per decision: lock the case, check that it can be decided (current proposal, every warning
 * acknowledged), check each part's delegation for this person today, record the decisions, mark the proposal and the
 * application decided, write the history and the audit row, and render and store the letter. A part outside the
 * person's delegation rolls everything back: no decision, no letter, no payment can exist for it.
 */
public final class DecisionService {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final Pool pool;
  private final Clock clock;
  private final CaseworkRules rules;
  private final Recalculation recalculation;
  private final Expediering expediering;

  public DecisionService(Pool pool, Clock clock, CaseworkRules rules, Recalculation recalculation,
                         Expediering expediering) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.recalculation = recalculation;
    this.expediering = expediering;
  }

  /** What is decided and whether a letter goes out. */
  private record Plan(List<DecisionPart> parts, Optional<UUID> proposalId, JsonObject ruleVersions, boolean letter) {
  }

  public Future<JsonObject> approve(Session session, UUID applicationId, UUID proposalId, String motivering,
                                    String requestId) {
    return decide(session, applicationId, requestId, "approved", (tx, header) -> proposal(tx, header, proposalId, true)
      .compose(proposal -> Proposals.adjustments(tx, proposal.id()).map(adjustments -> {
        Calculation calculation = recalculation.apply(Proposals.context(header, proposal), proposal.calculation(),
          adjustments);
        List<String> basis = new ArrayList<>();
        proposal.legalBasis().forEach(value -> basis.add(String.valueOf(value)));
        return new Plan(DecisionPlan.approve(calculation, proposal.outcome(), proposal.motivering(), basis, motivering),
          Optional.of(proposal.id()), proposal.ruleVersions(), true);
      })));
  }

  public Future<JsonObject> reject(Session session, UUID applicationId, UUID proposalId, String templateId,
                                   String motivering, String requestId) {
    MotiveringTemplate template = template(templateId, "avslag", today());
    return decide(session, applicationId, requestId, "rejected", (tx, header) -> proposal(tx, header, proposalId, false)
      .compose(proposal -> Proposals.adjustments(tx, proposal.id()).map(adjustments -> new Plan(
        DecisionPlan.reject(recalculation.apply(Proposals.context(header, proposal), proposal.calculation(), adjustments),
          template, motivering),
        Optional.of(proposal.id()), proposal.ruleVersions(), true))));
  }

  public Future<JsonObject> closeWithoutAction(Session session, UUID applicationId, String motivering, String requestId) {
    MotiveringTemplate template = template("avslut_utan_atgard", "avslutad", today());
    return decide(session, applicationId, requestId, "closed", (tx, header) -> Proposals.current(tx, header)
      .map(proposal -> new Plan(DecisionPlan.closeWithoutAction(template, motivering),
        proposal.filter(found -> found.status().equals("awaiting_review")).map(Proposals.Proposal::id),
        new JsonObject(), false)));
  }

  private LocalDate today() {
    return clock.instant().atZone(STOCKHOLM).toLocalDate();
  }

  private MotiveringTemplate template(String id, String outcome, LocalDate day) {
    return rules.template(id == null ? "" : id, day).filter(found -> found.outcome().equals(outcome))
      .orElseThrow(() -> ApiException.invalid("templateId", "template_unknown"));
  }

  /** The current proposal, awaiting review, with every warning acknowledged when approving. */
  private static Future<Proposals.Proposal> proposal(SqlClient tx, CaseHeader header, UUID proposalId,
                                                     boolean warningsMustBeAcknowledged) {
    return Proposals.current(tx, header).compose(found -> {
      if (found.isEmpty() || !found.get().id().equals(proposalId)) {
        return Future.failedFuture(ApiException.conflict("proposal_outdated"));
      }
      if (!found.get().status().equals("awaiting_review")) {
        return Future.failedFuture(ApiException.conflict("proposal_not_awaiting_review"));
      }
      if (!warningsMustBeAcknowledged) {
        return Future.succeededFuture(found.get());
      }
      return Proposals.warnings(tx, proposalId).compose(warnings -> warnings.stream().allMatch(Proposals.Warning::acknowledged)
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(ApiException.conflict("warnings_unacknowledged")));
    });
  }

  private Future<JsonObject> decide(Session session, UUID applicationId, String requestId, String event,
                                    BiFunction<SqlClient, CaseHeader, Future<Plan>> planner) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> {
        if (!header.open()) {
          return Future.failedFuture(ApiException.conflict("case_not_decidable"));
        }
        return planner.apply(tx, header).compose(plan -> StandIns.of(tx, session.tenantId(), session.staffMemberId(), today)
          .compose(standIns -> {
            List<DelegationCheck.Outcome> outcomes = DelegationGate.checkAll(rules, session, plan.parts(), today, standIns,
              java.util.Optional.empty());
            DecisionRecorder.Decider decider = DelegationGate.decider(session, outcomes);
            UUID decisionSet = UUID.randomUUID();
            return DecisionRecorder.record(tx, header, plan.proposalId(), decisionSet, plan.parts(), outcomes, decider,
                plan.ruleVersions(), Optional.empty(), now)
              .compose(ids -> plan.proposalId().map(id -> Proposals.markDecided(tx, id)).orElse(Future.succeededFuture())
                // Open komplettering requests end with the decision.
                .compose(v -> Komplettering.cancelOpen(tx, header.id()))
                .compose(v -> CaseEvents.staff(tx, header, event, ApplicationStatus.DECIDED, session.staffMemberId(),
                  new JsonObject().put("decisionSet", decisionSet.toString())
                    .put("decisions", new JsonArray(ids.stream().map(UUID::toString).toList())), now))
                .compose(v -> CaseAudit.record(tx, session, header, "case.decide", requestId,
                  new JsonObject().put("decisionSet", decisionSet.toString()), now))
                .compose(v -> plan.letter()
                  ? letter(tx, header, plan.parts(), outcomes, decider, today, decisionSet, ids).map(Optional::of)
                  : Future.succeededFuture(Optional.<UUID>empty()))
                .map(letter -> result(decisionSet, ids, plan.parts(), outcomes, letter)));
          }));
      }))
      .recover(failure -> failure instanceof DelegationRefusedException
        ? refused(session, applicationId, requestId, (DelegationRefusedException) failure)
        : Future.failedFuture(failure))
      // The letter is on Mina sidor with the commit; the mailbox hand-over follows at once (a failure is retried by
      // ExpedieringVerticle and never undoes the decision).
      .compose(result -> handOver(result, session.tenantId()));
  }

  /** After commit: the result's letter (if any) to the digital mailbox; a failure is retried by ExpedieringVerticle. */
  Future<JsonObject> handOver(JsonObject result, String tenantId) {
    return result.getString("letterId") == null ? Future.succeededFuture(result)
      : expediering.deliver(UUID.fromString(result.getString("letterId")), tenantId)
        .transform(done -> Future.succeededFuture(result.put("mailboxHandedOver", done.succeeded())));
  }

  /** The letter for decisions just recorded with their delegation outcomes, published in the same transaction. */
  Future<UUID> letter(SqlClient tx, CaseHeader header, List<DecisionPart> parts,
                              List<DelegationCheck.Outcome> outcomes, DecisionRecorder.Decider decider, LocalDate today,
                              UUID decisionSet, List<UUID> ids) {
    return Letterhead.of(tx, header.tenantId()).compose(tenant -> {
      List<LetterComposer.Part> letterParts = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        DecisionPart part = parts.get(i);
        var delegationRow = outcomes.get(i).row().orElseThrow();
        letterParts.add(new LetterComposer.Part(part.type().code(), part.type().label(), part.outcome(), part.amount(),
          part.lines(), part.motivering(), part.legalBasis(),
          delegationRow.source() + ", " + outcomes.get(i).matrix().version()));
      }
      DecisionLetter letter = LetterComposer.compose(tenant, header.householdName(), caseReference(header), today,
        YearMonth.from(header.month()), letterParts, new LetterComposer.Decider(decider.name(), decider.title()));
      return expediering.publish(tx, letter, header.tenantId(), header.id(), decisionSet, header.adults(), ids);
    });
  }

  /** The case reference printed on letters: never a personnummer, short enough to read over the phone. */
  public static String caseReference(CaseHeader header) {
    return "EB-" + header.month().getYear() + "-" + header.id().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  private static JsonObject result(UUID decisionSet, List<UUID> ids, List<DecisionPart> parts,
                                   List<DelegationCheck.Outcome> outcomes, Optional<UUID> letter) {
    JsonArray decisions = new JsonArray();
    for (int i = 0; i < ids.size(); i++) {
      decisions.add(new JsonObject().put("id", ids.get(i).toString()).put("type", parts.get(i).type().code())
        .put("outcome", parts.get(i).outcome()).put("amount", parts.get(i).amount().toPlainString())
        .put("delegation", outcomes.get(i).row().orElseThrow().id())
        .put("actingFor", outcomes.get(i).actingFor().map(DelegationCheck.StandIn::absentName).orElse(null)));
    }
    return new JsonObject().put("decisionSet", decisionSet.toString()).put("decisions", decisions)
      .put("letterId", letter.map(UUID::toString).orElse(null));
  }

  /** The refusal is audited (outside the rolled-back transaction) and answered with who may decide. */
  Future<JsonObject> refused(Session session, UUID applicationId, String requestId,
                                     DelegationRefusedException refusal) {
    return pool.withConnection(connection -> CaseAccess.visible(connection, session, applicationId)
        .compose(header -> CaseAudit.record(connection, session, header, "case.decide_refused", requestId,
          new JsonObject().put("type", refusal.type.code()).put("amount", refusal.amount).put("whoMay", refusal.whoMay),
          clock.instant())))
      .compose(v -> Future.failedFuture(ApiException.forbidden("delegation_required", refusal.type.label(),
        refusal.whoMay)));
  }
}
