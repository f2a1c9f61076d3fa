package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.casework.CaseEvents;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.time.Clock;
import se.socialportal.rules.delegation.Lagrum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Omprövning (FL 37–39 §§): the nämnd changes a decision it has taken, typically because it has been appealed. The
 * change is a new decision of the same type, recorded like every other — its own delegation check for this person
 * today, its own letter with how to appeal — and points at the decision it changes. Whoever asked for it (the appeal)
 * writes its own rows in the same transaction, so the new decision and what it means for the appeal commit together.
 */
public final class Omprovning {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Set<String> OUTCOMES = Set.of("bifall", "delvis_bifall", "avslag");
  private static final String ORIGINAL = "SELECT type, legal_basis FROM decision WHERE id = $1 AND application_id = $2 "
    + "AND delegation_valid AND type IN ('forsorjningsstod', 'livsforing_ovrigt', 'skulder', 'begravning')";
  private static final String LEGAL_BASIS = "37 § förvaltningslagen (2017:900)";

  private final Pool pool;
  private final Clock clock;
  private final CaseworkRules rules;
  private final DecisionService decisions;

  public Omprovning(Pool pool, Clock clock, CaseworkRules rules, DecisionService decisions) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.decisions = decisions;
  }

  /** What the nämnd decides now about a decision it took before. */
  public record Request(UUID originalDecisionId, String outcome, BigDecimal amount, String motivering) {
  }

  /** The new decision and its letter, as the caller's own rows need them. */
  public record Changed(UUID decisionId, UUID letterId, String type, String outcome, BigDecimal amount) {
  }

  /**
   * Records the new decision and its letter; {@code alongside} runs in the same transaction after them (the appeal's
   * own rows). The letter then goes to the digital mailbox as every decision's does.
   */
  public Future<JsonObject> decide(Session session, UUID applicationId, Request request, String requestId,
                                   BiFunction<SqlClient, Changed, Future<Void>> alongside) {
    if (!OUTCOMES.contains(request.outcome())) {
      return Future.failedFuture(ApiException.invalid("outcome", "omprovning_outcome"));
    }
    if (request.amount() == null || request.amount().signum() < 0
      || ("avslag".equals(request.outcome()) != (request.amount().signum() == 0))) {
      return Future.failedFuture(ApiException.invalid("amount", "amount_invalid"));
    }
    String motivering;
    try {
      motivering = DecisionPlan.finished(request.motivering());
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> tx
        .preparedQuery(ORIGINAL).execute(Tuple.of(request.originalDecisionId(), header.id())).compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(ApiException.invalid("decisionId", "omprovning_original"));
          }
          Row original = rows.iterator().next();
          DecisionType type = DecisionType.fromCode(original.getString("type")).orElseThrow();
          List<String> basis = new ArrayList<>();
          basis.add(LEGAL_BASIS);
          JsonArray stored = (JsonArray) original.getValue("legal_basis");
          stored.forEach(value -> basis.add(String.valueOf(value)));
          DecisionPart part = new DecisionPart(type, request.outcome(), request.amount(), request.amount(),
            new JsonArray(), motivering, basis, "omprovning");
          return record(tx, session, header, part, request.originalDecisionId(), today, now, requestId)
            .compose(changed -> alongside.apply(tx, changed).map(v -> new JsonObject()
              .put("decisionId", changed.decisionId().toString()).put("letterId", changed.letterId().toString())
              .put("type", changed.type()).put("outcome", changed.outcome())
              .put("amount", changed.amount().toPlainString())));
        })))
      .recover(failure -> failure instanceof DelegationRefusedException
        ? decisions.refused(session, applicationId, requestId, (DelegationRefusedException) failure)
        : Future.failedFuture(failure))
      .compose(result -> decisions.handOver(result, session.tenantId()));
  }

  private Future<Changed> record(SqlClient tx, Session session, CaseHeader header, DecisionPart asked, UUID original,
                                 LocalDate today, Instant now, String requestId) {
    Lagrum lagrum = rules.lagrum(today);
    DecisionPart part = DecisionPlan.cite(List.of(asked), lagrum).get(0);
    return StandIns.of(tx, session.tenantId(), session.staffMemberId(), today).compose(standIns -> {
      List<DelegationCheck.Outcome> outcomes = DelegationGate.checkAll(rules, session, List.of(part), today, standIns,
        Optional.empty());
      DecisionRecorder.Decider decider = DelegationGate.decider(session, outcomes);
      UUID decisionSet = UUID.randomUUID();
      return DecisionRecorder.record(tx, header, Optional.empty(), decisionSet, List.of(part), outcomes, decider,
          new JsonObject(), Optional.of(original), lagrum, now)
        .compose(ids -> CaseEvents.staff(tx, header, "omprovning_decided", null, session.staffMemberId(),
            new JsonObject().put("decisionId", ids.get(0).toString()).put("originalDecisionId", original.toString()), now)
          .compose(v -> CaseAudit.record(tx, session, header, "case.decide", requestId,
            new JsonObject().put("type", part.type().code()).put("omprovning", true), now))
          .compose(v -> decisions.letter(tx, header, decisionSet, today))
          .map(letter -> new Changed(ids.get(0), letter, part.type().code(), part.outcome(), part.amount())));
    });
  }
}
