package se.socialportal.payment.attest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.payment.plan.PaymentPlanner;
import se.socialportal.payment.plan.PayoutDays;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The attestant's work: the payments waiting for attest with their totals, and the attest itself — one payment or a
 * list, all or nothing, only what the attestant saw (the total they confirm must be the total now), never their own
 * case, never above their limit, never to a missing, unchecked or rejected account. The attest fixes the account the
 * money goes to (the payment file is written from it) and moves the date forward when its cut-off has passed. Every
 * read of the list and every attest is audit-logged, one row per payee.
 */
public final class AttestService {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  public static final String ROLE = "attestant";

  private static final String WAITING = "SELECT p.id, p.application_id, p.decision_type, p.amount, p.planned_date, "
    + "p.execution_date, p.decided_by, p.prepared_by, p.replaces_id, p.account_checked_id, p.payee_id, p.remittance, "
    + "per.given_name, per.surname, per.protection, d.decided_by_name, "
    + "acc.id AS account_id, acc.kind AS account_kind, acc.clearing AS account_clearing, acc.number AS account_number, "
    + "acc.bank_name, acc.masked, acc.registered_at AS account_registered_at, acc.replaces_id AS account_replaces, "
    + "prev.failure_code AS previous_failure_code, prev.failure_text AS previous_failure_text, "
    + "prev.account_id AS previous_account_id "
    + "FROM payment p JOIN person per ON per.id = p.payee_id JOIN decision d ON d.id = p.decision_id "
    + "LEFT JOIN payout_account acc ON acc.tenant_id = p.tenant_id AND acc.person_id = p.payee_id "
    + "AND acc.superseded_at IS NULL LEFT JOIN payment prev ON prev.id = p.replaces_id "
    + "WHERE p.tenant_id = $1 AND p.status = 'awaiting_attest'";
  private static final String LIST = WAITING + " ORDER BY p.execution_date, p.created_at";
  private static final String LOCK = WAITING + " AND p.id = ANY($2) ORDER BY p.id FOR UPDATE OF p";
  private static final String LIMIT = "SELECT l.max_amount FROM attest_limit l JOIN staff_member s "
    + "ON s.tenant_id = l.tenant_id AND s.subject = l.staff_subject WHERE s.id = $1 AND l.tenant_id = $2";
  private static final String ATTEST = "UPDATE payment SET status = 'attested', attested_by = $2, attested_at = $3, "
    + "account_id = $4, creditor_name = $5, creditor_kind = $6, creditor_clearing = $7, creditor_number = $8, "
    + "execution_date = greatest(execution_date, $9), updated_at = $3 WHERE id = $1 AND status = 'awaiting_attest'";

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;
  private final PaymentPlanner planner;

  public AttestService(Pool pool, Clock clock, Supplier<RuleBook> rules, PaymentPlanner planner) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.planner = planner;
  }

  /** The payments waiting for attest, each with what stands in the way for this attestant, and the totals. */
  public Future<JsonObject> list(Session session, String requestId) {
    requireAttestant(session);
    Instant now = clock.instant();
    int holdDays = calendar(session, now).map(PaymentCalendar::accountChangeHoldDays).orElse(0);
    // Decisions taken a moment ago are on the list at once, whatever the planning job's interval.
    return planner.plan().compose(planned -> limit(pool, session)).compose(limit -> pool.withConnection(connection ->
      connection.preparedQuery(LIST).execute(Tuple.of(session.tenantId())).compose(rows -> {
        JsonArray items = new JsonArray();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal attestable = BigDecimal.ZERO;
        int attestableCount = 0;
        List<AuditEntry> audit = new ArrayList<>();
        for (Row row : rows) {
          List<String> blockers = AttestRules.blockers(facts(row), session.staffMemberId(), limit, holdDays);
          items.add(item(row, blockers));
          total = total.add(row.getBigDecimal("amount"));
          if (blockers.isEmpty()) {
            attestable = attestable.add(row.getBigDecimal("amount"));
            attestableCount++;
          }
          audit.add(AuditEntry.by(session, "payment.attest_list", row.getUUID("payee_id"),
            row.getUUID("application_id"), requestId));
        }
        JsonObject answer = new JsonObject().put("items", items).put("count", items.size())
          .put("total", total.toPlainString()).put("attestableCount", attestableCount)
          .put("attestableTotal", attestable.toPlainString())
          .put("limit", limit.map(BigDecimal::toPlainString).orElse(null));
        return AuditLog.recordAll(connection, audit, now).map(answer);
      })));
  }

  /**
   * Attests the payments named, all or none. {@code expectedTotal} is the sum the attestant saw and confirms; if the
   * payments now add up to something else the attest is refused, so nobody attests what they did not see.
   */
  public Future<JsonObject> attest(Session session, List<UUID> ids, BigDecimal expectedTotal, String requestId) {
    requireAttestant(session);
    if (ids.isEmpty()) {
      return Future.failedFuture(ApiException.invalid("paymentIds", "required"));
    }
    Set<UUID> wanted = new LinkedHashSet<>(ids);
    Instant now = clock.instant();
    Optional<PaymentCalendar> calendar = calendar(session, now);
    if (calendar.isEmpty()) {
      return Future.failedFuture(ApiException.conflict("payment_calendar_missing"));
    }
    LocalDate earliest = new PayoutDays(calendar.get()).earliestExecutionDate(now);
    int holdDays = calendar.get().accountChangeHoldDays();
    return limit(pool, session).compose(limit -> pool.withTransaction(tx -> tx.preparedQuery(LOCK)
      .execute(Tuple.of(session.tenantId()).addValue(wanted.toArray(new UUID[0]))).compose(rows -> {
        if (rows.size() != wanted.size()) {
          return Future.failedFuture(ApiException.conflict("attest_not_waiting"));
        }
        List<ApiException.FieldProblem> problems = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        List<Row> locked = new ArrayList<>();
        List<UUID> wantedList = new ArrayList<>(wanted);
        for (Row row : rows) {
          locked.add(row);
          total = total.add(row.getBigDecimal("amount"));
          int index = wantedList.indexOf(row.getUUID("id"));
          for (String blocker : AttestRules.blockers(facts(row), session.staffMemberId(), limit, holdDays)) {
            problems.add(new ApiException.FieldProblem("paymentIds/" + index, blocker));
          }
        }
        if (!problems.isEmpty()) {
          return Future.failedFuture(ApiException.invalid(problems));
        }
        if (expectedTotal == null || total.compareTo(expectedTotal) != 0) {
          return Future.failedFuture(ApiException.conflict("attest_total_changed", total.toPlainString()));
        }
        BigDecimal sum = total;
        return attestAll(tx, session, locked, earliest, now, requestId)
          .map(v -> new JsonObject().put("attested", locked.size()).put("total", sum.toPlainString()));
      })));
  }

  private static Future<Void> attestAll(SqlClient tx, Session session, List<Row> rows, LocalDate earliest, Instant now,
                                        String requestId) {
    OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Tuple> updates = new ArrayList<>();
    List<AuditEntry> audit = new ArrayList<>();
    for (Row row : rows) {
      String name = (String.valueOf(row.getString("given_name")) + " " + String.valueOf(row.getString("surname"))).strip();
      updates.add(Tuple.of(row.getUUID("id"), session.staffMemberId(), stamp, row.getUUID("account_id"), name,
        row.getString("account_kind"), row.getString("account_clearing"), row.getString("account_number"))
        .addValue(earliest));
      audit.add(AuditEntry.by(session, "payment.attest", row.getUUID("payee_id"), row.getUUID("application_id"),
        requestId).withDetail(new JsonObject().put("paymentId", row.getUUID("id").toString())
        .put("amount", row.getBigDecimal("amount").toPlainString())));
    }
    return tx.preparedQuery(ATTEST).executeBatch(updates)
      .compose(v -> AuditLog.recordAll(tx, audit, now));
  }

  static AttestRules.Facts facts(Row row) {
    UUID[] prepared = row.getArrayOfUUIDs("prepared_by");
    return new AttestRules.Facts(row.getBigDecimal("amount"), row.getLocalDate("execution_date"),
      Optional.ofNullable(row.getUUID("decided_by")), prepared == null ? List.of() : Arrays.asList(prepared),
      Optional.ofNullable(row.getUUID("account_id")),
      Optional.ofNullable(row.getOffsetDateTime("account_registered_at")).map(OffsetDateTime::toInstant),
      row.getUUID("account_replaces") != null, Optional.ofNullable(row.getUUID("account_checked_id")),
      Optional.ofNullable(row.getString("previous_failure_code")),
      Optional.ofNullable(row.getUUID("previous_account_id")));
  }

  private static JsonObject item(Row row, List<String> blockers) {
    boolean protectedPerson = !"none".equals(row.getString("protection"));
    String name = protectedPerson ? null
      : (String.valueOf(row.getString("given_name")) + " " + String.valueOf(row.getString("surname"))).strip();
    return new JsonObject().put("id", row.getUUID("id").toString())
      .put("applicationId", row.getUUID("application_id").toString())
      .put("payee", name).put("protected", protectedPerson)
      .put("decisionType", row.getString("decision_type")).put("remittance", row.getString("remittance"))
      .put("amount", row.getBigDecimal("amount").toPlainString())
      .put("executionDate", row.getLocalDate("execution_date").toString())
      .put("decidedBy", row.getString("decided_by_name"))
      .put("account", row.getUUID("account_id") == null ? null : new JsonObject().put("bank", row.getString("bank_name"))
        .put("masked", row.getString("masked"))
        .put("registeredAt", row.getOffsetDateTime("account_registered_at").toInstant().toString()))
      .put("replacesFailed", row.getUUID("replaces_id") != null)
      .put("previousFailure", row.getString("previous_failure_text"))
      .put("blockers", new JsonArray(blockers)).put("attestable", blockers.isEmpty());
  }

  /** The attestant's limit per payment; empty when none is set (then nothing may be attested). */
  static Future<Optional<BigDecimal>> limit(SqlClient client, Session session) {
    return client.preparedQuery(LIMIT).execute(Tuple.of(session.staffMemberId(), session.tenantId()))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getBigDecimal("max_amount")));
  }

  private Optional<PaymentCalendar> calendar(Session session, Instant now) {
    return rules.get().paymentCalendar(session.tenantId(), LocalDate.ofInstant(now, STOCKHOLM));
  }

  /** Only the attestant role attests; anyone else learns nothing about the list. */
  static void requireAttestant(Session session) {
    if (!session.hasRole(ROLE)) {
      throw ApiException.forbidden("forbidden");
    }
  }
}
