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
import se.socialportal.platform.http.JsonFields;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.Lagrum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Återkrav of bistånd paid on wrong grounds (9 kap. 1–2 §§ SoL, old numbering), decided at the level the original
 * decision required (Flen 8.3), and eftergift of it (9 kap. 4 §, enhetschef). Both are decisions with their own
 * delegation check, recorded like any other; the återkrav row keeps the amount, the ground, what has been waived and
 * the three-year deadline for a claim in court (9 kap. 3 §).
 */
public final class AterkravService {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String ORIGINAL = "SELECT id, type, outcome, amount, delegation_level, decided_at FROM decision "
    + "WHERE id = $1 AND application_id = $2 AND delegation_valid "
    + "AND type IN ('forsorjningsstod', 'livsforing_ovrigt', 'skulder', 'begravning') AND outcome IN ('bifall', 'delvis_bifall')";
  private static final String ALREADY_CLAIMED = "SELECT coalesce(sum(amount), 0) FROM aterkrav WHERE original_decision_id = $1";
  private static final String INSERT = "INSERT INTO aterkrav (tenant_id, application_id, original_decision_id, decision_id, "
    + "ground, amount, deadline, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
  private static final String LOCK = "SELECT id, application_id, decision_id, amount, waived_amount FROM aterkrav "
    + "WHERE id = $1 AND tenant_id = $2 FOR UPDATE";
  private static final String WAIVE = "UPDATE aterkrav SET waived_amount = waived_amount + $2 WHERE id = $1";

  private final Pool pool;
  private final Clock clock;
  private final CaseworkRules rules;
  private final DecisionService decisions;

  public AterkravService(Pool pool, Clock clock, CaseworkRules rules, DecisionService decisions) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.decisions = decisions;
  }

  public Future<JsonObject> start(Session session, UUID applicationId, JsonObject body, String requestId) {
    UUID original = uuid(JsonFields.optionalText(body, "originalDecisionId"), "originalDecisionId");
    BigDecimal amount = amount(body);
    String ground = JsonFields.text(body, "ground");
    if (!ground.equals("9_1") && !ground.equals("9_2")) {
      return Future.failedFuture(ApiException.invalid("ground", "aterkrav_ground"));
    }
    String motivering = DecisionPlan.finished(JsonFields.optionalText(body, "motivering"));
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> tx.preparedQuery(ORIGINAL)
        .execute(Tuple.of(original, header.id())).compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(ApiException.invalid("originalDecisionId", "aterkrav_original"));
          }
          Row row = rows.iterator().next();
          return tx.preparedQuery(ALREADY_CLAIMED).execute(Tuple.of(original)).compose(claimed -> {
            BigDecimal left = row.getBigDecimal("amount").subtract(claimed.iterator().next().getBigDecimal(0));
            if (amount.compareTo(left) > 0) {
              return Future.failedFuture(ApiException.invalid("amount", "aterkrav_too_much", left.toPlainString()));
            }
            DecisionPart part = new DecisionPart(DecisionType.ATERKRAV, "beslutat", amount, amount, new JsonArray(),
              motivering, List.of(), "aterkrav_" + ground);
            LocalDate deadline = row.getOffsetDateTime("decided_at").atZoneSameInstant(STOCKHOLM).toLocalDate().plusYears(3);
            return record(tx, session, header, part, Optional.of(row.getString("delegation_level")), original, today, now,
              "aterkrav_decided", requestId)
              .compose(recorded -> tx.preparedQuery(INSERT).execute(Tuple.of(header.tenantId(), header.id(), original,
                  recorded.decisionId(), ground, amount, deadline)
                  .addValue(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(inserted -> recorded.json().put("aterkravId", inserted.iterator().next().getUUID("id").toString())
                  .put("deadline", deadline.toString())));
          });
        })))
      .recover(failure -> refusedOrFailed(session, applicationId, requestId, failure))
      .compose(result -> decisions.handOver(result, session.tenantId()));
  }

  public Future<JsonObject> eftergift(Session session, UUID aterkravId, JsonObject body, String requestId) {
    BigDecimal amount = amount(body);
    String motivering = DecisionPlan.finished(JsonFields.optionalText(body, "motivering"));
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    return pool.withTransaction(tx -> tx.preparedQuery(LOCK).execute(Tuple.of(aterkravId, session.tenantId()))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.failedFuture(ApiException.notFound());
        }
        Row claim = rows.iterator().next();
        return CaseAccess.lock(tx, session, claim.getUUID("application_id")).compose(header -> {
          BigDecimal left = claim.getBigDecimal("amount").subtract(claim.getBigDecimal("waived_amount"));
          if (amount.compareTo(left) > 0) {
            return Future.failedFuture(ApiException.invalid("amount", "aterkrav_too_much", left.toPlainString()));
          }
          DecisionPart part = new DecisionPart(DecisionType.EFTERGIFT, "beslutat", amount, amount, new JsonArray(),
            motivering, List.of(), "eftergift");
          return record(tx, session, header, part, Optional.empty(), claim.getUUID("decision_id"), today, now,
            "eftergift_decided", requestId)
            .compose(recorded -> tx.preparedQuery(WAIVE).execute(Tuple.of(aterkravId, amount))
              .map(v -> recorded.json().put("remaining", left.subtract(amount).toPlainString())));
        });
      }))
      .recover(failure -> failure instanceof DelegationRefusedException
        ? Future.failedFuture(ApiException.forbidden("delegation_required", DecisionType.EFTERGIFT.label(),
          ((DelegationRefusedException) failure).whoMay))
        : Future.failedFuture(failure))
      .compose(result -> decisions.handOver(result, session.tenantId()));
  }

  /** The decision and its letter (FL 33 §: the household is told, with how to appeal). */
  private record Recorded(UUID decisionId, UUID letterId) {
    JsonObject json() {
      return new JsonObject().put("decisionId", decisionId.toString()).put("letterId", letterId.toString());
    }
  }

  private Future<Recorded> record(SqlClient tx, Session session, CaseHeader header, DecisionPart part,
                              Optional<String> originalLevel, UUID original, LocalDate today, Instant now, String event,
                              String requestId) {
    return StandIns.of(tx, session.tenantId(), session.staffMemberId(), today).compose(standIns -> {
      Lagrum lagrum = rules.lagrum(today);
      List<DecisionPart> parts = DecisionPlan.cite(List.of(part), lagrum);
      List<DelegationCheck.Outcome> outcomes = DelegationGate.checkAll(rules, session, parts, today, standIns,
        originalLevel);
      DecisionRecorder.Decider decider = DelegationGate.decider(session, outcomes);
      UUID decisionSet = UUID.randomUUID();
      return DecisionRecorder.record(tx, header, Optional.empty(), decisionSet, parts, outcomes, decider,
          new JsonObject(), Optional.of(original), lagrum, now)
        .compose(ids -> CaseEvents.staff(tx, header, event, null, session.staffMemberId(),
            new JsonObject().put("decisionId", ids.get(0).toString()).put("amount", part.amount().toPlainString()), now)
          .compose(v -> CaseAudit.record(tx, session, header, "case.decide", requestId,
            new JsonObject().put("type", part.type().code()), now))
          .compose(v -> decisions.letter(tx, header, decisionSet, today))
          .map(letter -> new Recorded(ids.get(0), letter)));
    });
  }

  private Future<JsonObject> refusedOrFailed(Session session, UUID applicationId, String requestId, Throwable failure) {
    return failure instanceof DelegationRefusedException
      ? decisions.refused(session, applicationId, requestId, (DelegationRefusedException) failure)
      : Future.failedFuture(failure);
  }

  private static BigDecimal amount(JsonObject body) {
    try {
      BigDecimal amount = new BigDecimal(String.valueOf(body.getValue("amount"))).setScale(2, RoundingMode.UNNECESSARY);
      if (amount.signum() <= 0) {
        throw ApiException.invalid("amount", "amount_invalid");
      }
      return amount;
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiException.invalid("amount", "amount_invalid");
    }
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid(field, "id_invalid");
    }
  }
}
