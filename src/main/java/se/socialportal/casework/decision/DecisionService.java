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
import se.socialportal.letters.Expediering;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.delegation.Lagrum;
import se.socialportal.rules.delegation.MotiveringTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
    return approve(session, applicationId, proposalId, motivering, false, null, requestId);
  }

  /**
   * Approves the proposal. With {@code referBeyondDelegation}, a part outside the person's delegation does not stop
   * the others: it is prepared as proposed (with {@code note} for the decider) and referred to the level the
   * delegation names, and the parts within the delegation are decided now; the set's letter waits for the last part.
   */
  public Future<JsonObject> approve(Session session, UUID applicationId, UUID proposalId, String motivering,
                                    boolean referBeyondDelegation, String note, String requestId) {
    if (note != null && note.length() > 4000) {
      throw ApiException.invalid("note", "too_long", 4000);
    }
    return decide(session, applicationId, requestId, "approved", referBeyondDelegation, note,
      (tx, header) -> proposal(tx, header, proposalId, true)
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
    return decide(session, applicationId, requestId, "rejected", false, null, (tx, header) -> proposal(tx, header, proposalId, false)
      .compose(proposal -> Proposals.adjustments(tx, proposal.id()).map(adjustments -> new Plan(
        DecisionPlan.reject(recalculation.apply(Proposals.context(header, proposal), proposal.calculation(), adjustments),
          template, motivering),
        Optional.of(proposal.id()), proposal.ruleVersions(), true))));
  }

  public Future<JsonObject> closeWithoutAction(Session session, UUID applicationId, String motivering, String requestId) {
    MotiveringTemplate template = template("avslut_utan_atgard", "avslutad", today());
    return decide(session, applicationId, requestId, "closed", false, null, (tx, header) -> Proposals.current(tx, header)
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
                                    boolean refer, String note,
                                    BiFunction<SqlClient, CaseHeader, Future<Plan>> planner) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> {
        if (!header.open()) {
          return Future.failedFuture(ApiException.conflict("case_not_decidable"));
        }
        return planner.apply(tx, header).compose(plan -> StandIns.of(tx, session.tenantId(), session.staffMemberId(), today)
          .compose(standIns -> {
            Lagrum lagrum = rules.lagrum(today);
            List<DecisionPart> parts = DecisionPlan.cite(plan.parts(), lagrum);
            List<DelegationCheck.Outcome> checked = refer
              ? DelegationGate.checkEach(rules, session, parts, today, standIns)
              : DelegationGate.checkAll(rules, session, parts, today, standIns, Optional.empty());
            List<DecisionPart> decideNow = new ArrayList<>();
            List<DelegationCheck.Outcome> allowed = new ArrayList<>();
            List<Integer> referred = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
              if (checked.get(i).allowed()) {
                decideNow.add(parts.get(i));
                allowed.add(checked.get(i));
              } else {
                referred.add(i);
              }
            }
            DecisionRecorder.Decider decider = DelegationGate.decider(session, allowed);
            UUID decisionSet = UUID.randomUUID();
            JsonArray referrals = new JsonArray();
            Future<Void> referring = Future.succeededFuture();
            for (int index : referred) {
              DecisionPart part = parts.get(index);
              DelegationCheck.Outcome outcome = checked.get(index);
              var level = outcome.required().orElseThrow();
              var row = outcome.row().orElseThrow();
              Referrals.Referral referral = new Referrals.Referral(null, header.tenantId(), header.id(),
                header.version(), plan.proposalId(), decisionSet, part.type(), part.outcome(), part.amount(),
                part.delegationAmount(), part.lines(), part.motivering(), part.legalBasis(), part.reasonCode(),
                Optional.ofNullable(note).map(String::strip).filter(text -> !text.isEmpty()), level.code(),
                level.label(), DecisionRecorder.delegationSource(row, lagrum), session.staffMemberId(),
                session.displayName(), decider.title(), now, Optional.empty());
              referring = referring.compose(v -> Referrals.insert(tx, referral, outcome).map(id -> {
                referrals.add(new JsonObject().put("id", id.toString()).put("type", part.type().code())
                  .put("amount", part.delegationAmount().toPlainString()).put("level", level.code())
                  .put("levelLabel", level.label()));
                return null;
              }));
            }
            boolean complete = referred.isEmpty();
            Future<Void> referralsStored = referring;
            return DecisionRecorder.record(tx, header, plan.proposalId(), decisionSet, decideNow, allowed, decider,
                plan.ruleVersions(), Optional.empty(), lagrum, now)
              .compose(ids -> referralsStored
                .compose(v -> plan.proposalId().map(id -> Proposals.markDecided(tx, id)).orElse(Future.succeededFuture()))
                // Open komplettering requests end with the decision (or with the preparation of a referred part).
                .compose(v -> Komplettering.cancelOpen(tx, header.id()))
                .compose(v -> CaseEvents.staff(tx, header, complete ? event : "referred",
                  complete ? ApplicationStatus.DECIDED : ApplicationStatus.UNDER_REVIEW, session.staffMemberId(),
                  new JsonObject().put("decisionSet", decisionSet.toString())
                    .put("decisions", new JsonArray(ids.stream().map(UUID::toString).toList()))
                    .put("referrals", referrals), now))
                .compose(v -> ids.isEmpty() ? Future.succeededFuture()
                  : CaseAudit.record(tx, session, header, "case.decide", requestId,
                    new JsonObject().put("decisionSet", decisionSet.toString()), now))
                .compose(v -> complete ? Future.succeededFuture()
                  : CaseAudit.record(tx, session, header, "case.refer", requestId,
                    new JsonObject().put("decisionSet", decisionSet.toString()).put("referrals", referrals), now))
                .compose(v -> plan.letter() && complete
                  ? SetLetter.publish(tx, expediering, header, decisionSet, today).map(Optional::of)
                  : Future.succeededFuture(Optional.<UUID>empty()))
                .map(letter -> result(decisionSet, ids, decideNow, allowed, letter).put("referrals", referrals)));
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

  /** The letter for a decision set whose last part was just recorded, published in the same transaction. */
  Future<UUID> letter(SqlClient tx, CaseHeader header, UUID decisionSet, LocalDate today) {
    return SetLetter.publish(tx, expediering, header, decisionSet, today);
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
