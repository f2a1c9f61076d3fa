package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.identity.session.Session;
import se.socialportal.payment.account.AccountRepository;
import se.socialportal.payment.attest.AttestRules;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.Messages;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A case's payments as the handläggare sees them, through casework's one gate to a case (tenant, case role, protected
 * households only when assigned): each payment's state and date, the payee's account as bank and masked number with
 * when it changed, the bank's reason for a rejection, and the two things only the handläggare does — check a recent
 * account change, and record a payout made another way when the resident has no account. Every read and change is
 * audit-logged.
 */
public final class CasePayments {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String OF_CASE = "SELECT id, decision_type, amount, status, state, planned_date, execution_date, "
    + "paid_on, remittance, failure_text, payee_id, replaces_id, account_checked_id, manual_method, created_at "
    + "FROM payment_state WHERE application_id = $1 ORDER BY created_at";
  private static final String LOCK = "SELECT id, application_id, payee_id, tenant_id, status, account_checked_id "
    + "FROM payment WHERE id = $1 AND tenant_id = $2 FOR UPDATE";
  private static final String CHECKED = "UPDATE payment SET account_checked_id = $2, account_checked_by = $3, "
    + "account_checked_at = $4, updated_at = $4 WHERE id = $1";
  private static final String MANUAL = "UPDATE payment SET status = 'manual', manual_method = $2, manual_note = $3, "
    + "manual_by = $4, manual_at = $5, paid_on = $6, updated_at = $5 WHERE id = $1 AND status = 'awaiting_attest'";

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;

  public CasePayments(Pool pool, Clock clock, Supplier<RuleBook> rules) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
  }

  public Future<JsonObject> read(Session session, UUID applicationId, String language, String requestId) {
    Instant now = clock.instant();
    Optional<PaymentCalendar> calendar = rules.get().paymentCalendar(session.tenantId(),
      LocalDate.ofInstant(now, STOCKHOLM));
    return pool.withConnection(connection -> CaseAccess.visible(connection, session, applicationId).compose(header ->
      AccountRepository.current(connection, session.tenantId(), header.applicantId()).compose(account ->
        connection.preparedQuery(OF_CASE).execute(Tuple.of(applicationId)).compose(rows -> {
          JsonArray payments = new JsonArray();
          int holdDays = calendar.map(PaymentCalendar::accountChangeHoldDays).orElse(0);
          for (Row row : rows) {
            boolean held = "awaiting_attest".equals(row.getString("status")) && AttestRules.held(new AttestRules.Facts(
              row.getBigDecimal("amount"), row.getLocalDate("execution_date"), Optional.empty(), List.of(),
              account.map(AccountRepository.StoredAccount::id), account.map(AccountRepository.StoredAccount::registeredAt),
              account.map(AccountRepository.StoredAccount::isChange).orElse(false),
              Optional.ofNullable(row.getUUID("account_checked_id")), Optional.empty(), Optional.empty()), holdDays);
            payments.add(new JsonObject().put("id", row.getUUID("id").toString())
              .put("decisionType", row.getString("decision_type")).put("remittance", row.getString("remittance"))
              .put("amount", row.getBigDecimal("amount").toPlainString()).put("status", row.getString("state"))
              .put("executionDate", row.getLocalDate("execution_date").toString())
              .put("paidOn", Optional.ofNullable(row.getLocalDate("paid_on")).map(LocalDate::toString).orElse(null))
              .put("failure", row.getString("failure_text")).put("replacesFailed", row.getUUID("replaces_id") != null)
              .put("manualMethod", row.getString("manual_method")).put("accountCheckNeeded", held));
          }
          JsonObject answer = new JsonObject().put("payments", payments)
            .put("account", account.map(found -> new JsonObject().put("bank", found.bankName())
              .put("masked", found.masked()).put("registeredAt", found.registeredAt().toString())
              .put("changed", found.isChange())).orElse(null))
            .put("alternativeRoute", account.isEmpty() ? calendar.map(found -> found.alternativeRoute(language))
              .orElse(Messages.text(language, "error.payment_calendar_missing")) : null);
          return CaseAudit.record(connection, session, header, "payment.read", requestId, new JsonObject(), now)
            .map(answer);
        }))));
  }

  /** A handläggare has checked a recent account change (e.g. called the resident): the payment may be attested. */
  public Future<JsonObject> checkAccount(Session session, UUID paymentId, String requestId) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> locked(tx, session, paymentId).compose(payment ->
      CaseAccess.visible(tx, session, payment.getUUID("application_id")).compose(header ->
        AccountRepository.current(tx, session.tenantId(), payment.getUUID("payee_id")).compose(account -> {
          if (account.isEmpty() || !account.get().isChange()) {
            return Future.failedFuture(ApiException.conflict("payment_account_check_not_needed"));
          }
          return tx.preparedQuery(CHECKED).execute(Tuple.of(paymentId, account.get().id(), session.staffMemberId(),
              OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)))
            .compose(v -> CaseAudit.record(tx, session, header, "payment.account_check", requestId,
              new JsonObject().put("paymentId", paymentId.toString()).put("accountId", account.get().id().toString()),
              now))
            .map(v -> new JsonObject().put("id", paymentId.toString()).put("accountChecked", true));
        }))));
  }

  /** The resident has no account: the handläggare paid by the municipality's alternative route and records it. */
  public Future<JsonObject> recordManual(Session session, UUID paymentId, String method, String note, String requestId) {
    if (method == null || method.isBlank() || method.length() > 100 || (note != null && note.length() > 2000)) {
      return Future.failedFuture(ApiException.invalid("method", "manual_method_required"));
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
    return pool.withTransaction(tx -> locked(tx, session, paymentId).compose(payment ->
      CaseAccess.visible(tx, session, payment.getUUID("application_id")).compose(header -> {
        if (!"awaiting_attest".equals(payment.getString("status"))) {
          return Future.failedFuture(ApiException.conflict("payment_not_manual"));
        }
        OffsetDateTime stamp = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        return tx.preparedQuery(MANUAL).execute(Tuple.of(paymentId, method.strip(), note == null ? null : note.strip(),
            session.staffMemberId(), stamp, today))
          .compose(v -> PaymentOutcomes.caseDone(tx, header.id(), header.tenantId(), today, now))
          .compose(v -> CaseAudit.record(tx, session, header, "payment.manual", requestId,
            new JsonObject().put("paymentId", paymentId.toString()).put("method", method.strip()), now))
          .map(v -> new JsonObject().put("id", paymentId.toString()).put("status", "manual")
            .put("paidOn", today.toString()));
      })));
  }

  private static Future<Row> locked(SqlClient tx, Session session, UUID paymentId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(paymentId, session.tenantId())).compose(rows -> rows.size() == 0
      ? Future.failedFuture(ApiException.notFound()) : Future.succeededFuture(rows.iterator().next()));
  }
}
