package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.casework.CaseEvents;
import se.socialportal.casework.CaseworkRoles;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.rules.delegation.DelegationMatrix;
import se.socialportal.rules.delegation.Lagrum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The higher level's side of a referral (FL 31 §): the list of parts waiting for my decision, and deciding one — as
 * prepared, or changed with a motivering. The decision rests on the decider's own delegation (checked again in the
 * transaction) and records who prepared it; when it is the set's last open part, the application is decided and one
 * letter tells every part of the set.
 */
public final class ReferralDecisions {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final Pool pool;
  private final Clock clock;
  private final CaseworkRules rules;
  private final DecisionService decisions;

  public ReferralDecisions(Pool pool, Clock clock, CaseworkRules rules, DecisionService decisions) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.decisions = decisions;
  }

  /** "Väntar på mitt beslut": open referrals to my level or any level below it. */
  public Future<JsonObject> waiting(Session session) {
    CaseworkRoles.requireCaseRole(session);
    LocalDate today = clock.instant().atZone(STOCKHOLM).toLocalDate();
    Optional<DelegationMatrix> matrix = rules.matrix(session.tenantId(), today);
    Optional<DelegationMatrix.Level> own = matrix.flatMap(found -> found.highestLevelOf(Set.copyOf(session.roles())));
    if (own.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("referrals", new JsonArray()));
    }
    int rank = matrix.get().rank(own.get().code());
    List<String> levels = matrix.get().levels().stream().map(DelegationMatrix.Level::code)
      .filter(code -> matrix.get().rank(code) <= rank).toList();
    return pool.withConnection(connection -> Referrals.openAt(connection, session.tenantId(), levels,
        session.staffMemberId()))
      .map(list -> new JsonObject().put("level", own.get().label()).put("referrals", list));
  }

  /**
   * Decides a referred part: {@code outcome} (bifall, delvis_bifall, avslag; default the prepared one), {@code amount}
   * for delvis bifall, {@code motivering} (required when the outcome differs from the prepared proposal).
   */
  public Future<JsonObject> decide(Session session, UUID referralId, JsonObject body, String requestId) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withConnection(connection -> Referrals.lock(connection, referralId, session.tenantId()))
      .compose(found -> found.isEmpty() ? Future.failedFuture(ApiException.notFound())
        : Future.succeededFuture(found.get().applicationId()))
      .compose(applicationId -> pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId)
        .compose(header -> Referrals.lock(tx, referralId, session.tenantId()).compose(locked -> {
          Referrals.Referral referral = locked.orElseThrow(ApiException::notFound);
          if (referral.decisionId().isPresent()) {
            return Future.failedFuture(ApiException.conflict("referral_decided"));
          }
          if (!header.open() || header.version() != referral.applicationVersion()) {
            return Future.failedFuture(ApiException.conflict("case_not_decidable"));
          }
          DecisionPart part = decided(referral, body);
          return StandIns.of(tx, session.tenantId(), session.staffMemberId(), today).compose(standIns -> {
            Lagrum lagrum = rules.lagrum(today);
            List<DecisionPart> parts = DecisionPlan.cite(List.of(part), lagrum);
            List<DelegationCheck.Outcome> outcomes = DelegationGate.checkAll(rules, session, parts, today, standIns,
              Optional.empty());
            DecisionRecorder.Decider decider = DelegationGate.decider(session, outcomes)
              .preparedBy(referral.preparedBy(), referral.preparedByName() + ", " + referral.preparedByTitle());
            return DecisionRecorder.record(tx, header, referral.proposalId(), referral.decisionSet(), parts, outcomes,
                decider, new JsonObject(), Optional.empty(), lagrum, now)
              .compose(ids -> Referrals.decided(tx, referralId, ids.get(0), now)
                .compose(v -> Referrals.openInSet(tx, referral.decisionSet()))
                .compose(open -> {
                  boolean complete = open == 0;
                  JsonObject data = new JsonObject().put("decisionSet", referral.decisionSet().toString())
                    .put("decisions", new JsonArray().add(ids.get(0).toString()))
                    .put("referral", referralId.toString()).put("type", part.type().code())
                    .put("preparedBy", referral.preparedByName());
                  return CaseEvents.staff(tx, header, complete ? "decided" : "referral_decided",
                      complete ? ApplicationStatus.DECIDED : null, session.staffMemberId(), data, now)
                    .compose(v -> CaseAudit.record(tx, session, header, "case.decide", requestId,
                      new JsonObject().put("decisionSet", referral.decisionSet().toString())
                        .put("referral", referralId.toString()), now))
                    .compose(v -> complete ? decisions.letter(tx, header, referral.decisionSet(), today).map(Optional::of)
                      : Future.succeededFuture(Optional.<UUID>empty()))
                    .map(letter -> new JsonObject().put("decisionId", ids.get(0).toString())
                      .put("decisionSet", referral.decisionSet().toString()).put("outcome", part.outcome())
                      .put("amount", part.amount().toPlainString()).put("complete", complete)
                      .put("letterId", letter.map(UUID::toString).orElse(null)));
                }));
          });
        })))
        .recover(failure -> failure instanceof DelegationRefusedException refusal
          ? decisions.refused(session, applicationId, requestId, refusal)
          : Future.failedFuture(failure)))
      .compose(result -> decisions.handOver(result, session.tenantId()));
  }

  /** The part as decided: the prepared proposal, or the decider's outcome and amount with their motivering. */
  static DecisionPart decided(Referrals.Referral referral, JsonObject body) {
    DecisionPart prepared = referral.part();
    String outcome = Optional.ofNullable(JsonFields.optionalText(body, "outcome")).orElse(prepared.outcome());
    String motivering = JsonFields.optionalText(body, "motivering");
    BigDecimal applied = prepared.delegationAmount();
    BigDecimal amount = switch (outcome) {
      case "bifall" -> applied;
      case "avslag" -> BigDecimal.ZERO;
      // Accepting a prepared partial grant keeps its amount; another amount must be given.
      case "delvis_bifall" -> body.getValue("amount") == null && outcome.equals(prepared.outcome())
        ? prepared.amount() : amount(body, applied);
      default -> throw ApiException.invalid("outcome", "outcome_invalid");
    };
    boolean changed = !outcome.equals(prepared.outcome()) || amount.compareTo(prepared.amount()) != 0;
    String text = changed ? DecisionPlan.finished(motivering)
      : motivering == null || motivering.isBlank() ? prepared.motivering() : DecisionPlan.finished(motivering);
    return new DecisionPart(prepared.type(), outcome, amount, applied, prepared.lines(), text, prepared.legalBasis(),
      outcome.equals("avslag") ? "avslag_behov" : prepared.reasonCode());
  }

  private static BigDecimal amount(JsonObject body, BigDecimal applied) {
    try {
      BigDecimal amount = new BigDecimal(String.valueOf(body.getValue("amount"))).setScale(2, RoundingMode.UNNECESSARY);
      if (amount.signum() <= 0 || amount.compareTo(applied) >= 0) {
        throw ApiException.invalid("amount", "amount_invalid");
      }
      return amount;
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiException.invalid("amount", "amount_invalid");
    }
  }
}
