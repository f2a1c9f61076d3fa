package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens when a payment ends, in the caller's transaction: paid (booked by the bank, or paid by another route and
 * recorded) or failed (the bank rejected or returned it). A failed payment gets its successor at once — the same
 * decision part, waiting for a new attest — and an alert for the case's handläggare; the case shows "Utbetald" when
 * every payment of it is paid, "Utbetalningen misslyckades" when one failed.
 */
public final class PaymentOutcomes {

  private static final String PAID = "UPDATE payment SET status = 'paid', paid_on = $2, updated_at = $3 "
    + "WHERE id = $1 AND status = 'in_batch' RETURNING application_id, tenant_id";
  private static final String FAIL = "UPDATE payment SET status = 'failed', failure_code = $2, failure_text = $3, "
    + "failed_at = $4, updated_at = $4 WHERE id = $1 AND status IN ('in_batch', 'paid') "
    + "RETURNING application_id, tenant_id, decision_id, decision_type, payee_id, amount, debtor_account_id, remittance, "
    + "decided_by, prepared_by, execution_date";
  private static final String SUCCESSOR = "INSERT INTO payment (id, tenant_id, application_id, decision_id, decision_type, "
    + "payee_id, amount, planned_date, execution_date, debtor_account_id, remittance, status, decided_by, prepared_by, "
    + "replaces_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, 'awaiting_attest', $11, "
    + "$12, $13, $14, $14) ON CONFLICT DO NOTHING";
  private static final String UNPAID_LEFT = "SELECT count(*) AS n FROM payment WHERE application_id = $1 "
    + "AND status NOT IN ('paid', 'manual', 'failed', 'cancelled')";
  private static final String OWNER = "SELECT staff_id FROM case_assignment WHERE application_id = $1 AND kind = 'owner' "
    + "AND ended_at IS NULL";

  private PaymentOutcomes() {
  }

  /** The bank booked the payment on {@code day}; false when it was not one waiting for that. */
  public static Future<Boolean> paid(SqlClient tx, UUID paymentId, LocalDate day, Instant now) {
    return tx.preparedQuery(PAID).execute(Tuple.of(paymentId, day, utc(now))).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      Row row = rows.iterator().next();
      return caseDone(tx, row.getUUID("application_id"), row.getString("tenant_id"), day, now).map(true);
    });
  }

  /** After a payment is paid or paid by another route: the case is paid when nothing of it is still to be paid. */
  public static Future<Void> caseDone(SqlClient tx, UUID applicationId, String tenantId, LocalDate day, Instant now) {
    return tx.preparedQuery(UNPAID_LEFT).execute(Tuple.of(applicationId)).compose(rows ->
      rows.iterator().next().getLong("n") > 0 ? Future.succeededFuture()
        : caseMoved(tx, applicationId, tenantId, "paid", ApplicationStatus.PAID,
          new JsonObject().put("paidOn", day.toString()), now));
  }

  /**
   * The bank refused (or returned) the payment: it fails with the reason, its successor waits for a new attest
   * (planned for {@code nextDate}), the handläggare gets an alert, the case shows the failure. False when the payment
   * was not one the bank could refuse.
   */
  public static Future<Boolean> failed(SqlClient tx, UUID paymentId, String code, String reason, LocalDate nextDate,
                                       Instant now) {
    return tx.preparedQuery(FAIL).execute(Tuple.of(paymentId, code, reason, utc(now))).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      Row row = rows.iterator().next();
      UUID application = row.getUUID("application_id");
      String tenant = row.getString("tenant_id");
      LocalDate next = nextDate.isAfter(row.getLocalDate("execution_date")) ? nextDate
        : row.getLocalDate("execution_date").plusDays(1);
      Tuple successor = Tuple.of(UUID.randomUUID(), tenant, application, row.getUUID("decision_id"),
          row.getString("decision_type"), row.getUUID("payee_id"), row.getBigDecimal("amount"), next)
        .addValue(row.getString("debtor_account_id")).addValue(row.getString("remittance"))
        .addValue(row.getUUID("decided_by")).addValue(row.getArrayOfUUIDs("prepared_by")).addValue(paymentId)
        .addValue(utc(now));
      return tx.preparedQuery(SUCCESSOR).execute(successor)
        .compose(v -> tx.preparedQuery(OWNER).execute(Tuple.of(application)))
        .compose(owner -> PaymentAlerts.raise(tx, new PaymentAlerts.Alert(Optional.of(tenant), "handlaggare",
          "payment_failed", Optional.of(application), Optional.of(paymentId), Optional.empty(),
          owner.size() == 0 ? Optional.empty() : Optional.of(owner.iterator().next().getUUID("staff_id")),
          "Utbetalningen på " + Money.kronor(row.getBigDecimal("amount")) + " avvisades av banken: " + reason
            + " En ny utbetalning väntar på attest; kontakta den enskilda om kontot behöver ändras."), now))
        .compose(v -> caseMoved(tx, application, tenant, "payment_failed", ApplicationStatus.PAYMENT_FAILED,
          new JsonObject(), now))
        .map(true);
    });
  }

  /**
   * What happened to the decided case without a person acting on it: its status moves (through bistånd's status
   * machine, the row locked) and its history gets the system's entry.
   */
  private static Future<Void> caseMoved(SqlClient tx, UUID applicationId, String tenantId, String type,
                                        ApplicationStatus to, JsonObject data, Instant now) {
    return ApplicationRepository.lock(tx, applicationId, tenantId).compose(found -> {
      var application = found.orElseThrow(() -> new IllegalStateException("a payment of no application: " + applicationId));
      return ApplicationRepository.move(tx, application, to, now)
        .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(application, type, to,
          ApplicationEvent.Actor.system(), data), now));
    });
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
