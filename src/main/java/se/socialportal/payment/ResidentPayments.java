package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.session.Session;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The household's payments as Mina sidor shows them: what, how much, when it is planned, and the day the bank paid it
 * out (or that it failed, and why, so the resident can change the account). Read for the applicant and the co-applicant
 * of the case alike, as the case itself is.
 */
public final class ResidentPayments {

  private static final String MINE = "SELECT p.id, p.application_id, p.decision_type, p.amount, p.state, "
    + "p.execution_date, p.paid_on, p.remittance, p.failure_text FROM payment_state p "
    + "JOIN application a ON a.id = p.application_id WHERE p.tenant_id = $1 "
    + "AND (a.applicant_id = $2 OR a.co_applicant_id = $2) AND p.status <> 'cancelled' "
    + "ORDER BY p.execution_date DESC, p.created_at DESC LIMIT 100";

  private final Pool pool;

  public ResidentPayments(Pool pool) {
    this.pool = pool;
  }

  public Future<JsonObject> mine(Session session) {
    return pool.preparedQuery(MINE).execute(Tuple.of(session.tenantId(), session.residentId())).map(rows -> {
      JsonArray payments = new JsonArray();
      for (Row row : rows) {
        payments.add(new JsonObject().put("id", row.getUUID("id").toString())
          .put("applicationId", row.getUUID("application_id").toString())
          .put("text", row.getString("remittance")).put("amount", row.getBigDecimal("amount").toPlainString())
          .put("state", state(row.getString("state")))
          .put("date", row.getLocalDate("execution_date").toString())
          .put("paidOn", Optional.ofNullable(row.getLocalDate("paid_on")).map(LocalDate::toString).orElse(null))
          .put("reason", "failed".equals(row.getString("state")) ? row.getString("failure_text") : null));
      }
      return new JsonObject().put("payments", payments);
    });
  }

  /** The resident's words for where a payment is: planned, on its way, paid, paid another way, failed. */
  static String state(String status) {
    return switch (status) {
      case "awaiting_attest", "attested", "in_batch" -> "planned";
      case "sent" -> "sent";
      case "paid" -> "paid";
      case "manual" -> "paid_other";
      default -> "failed";
    };
  }
}
