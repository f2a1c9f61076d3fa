package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts someone must act on: for the handläggare, a payment the bank rejected; for the administrator, a bank file that
 * could not be read or matched, a payment file that failed the schema. The message is plain Swedish and never carries
 * a personnummer or an account number; the case is named by its id.
 */
public final class PaymentAlerts {

  /** A new alert. {@code staffId}: the case's handläggare at the time, when it has one. */
  public record Alert(Optional<String> tenantId, String audience, String kind, Optional<UUID> applicationId,
                      Optional<UUID> paymentId, Optional<UUID> batchId, Optional<UUID> staffId, String message) {
  }

  private static final String INSERT = "INSERT INTO payment_alert (id, tenant_id, audience, kind, application_id, "
    + "payment_id, batch_id, staff_id, message, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
  private static final String OPEN = "SELECT id, kind, application_id, payment_id, batch_id, staff_id, message, created_at "
    + "FROM payment_alert WHERE audience = $1 AND acknowledged_at IS NULL "
    + "AND (tenant_id = $2 OR (tenant_id IS NULL AND $1 = 'admin')) ORDER BY created_at DESC LIMIT 200";
  private static final String ACKNOWLEDGE = "UPDATE payment_alert SET acknowledged_at = $4, acknowledged_by = $3 "
    + "WHERE id = $1 AND audience = $2 AND acknowledged_at IS NULL AND (tenant_id = $5 OR (tenant_id IS NULL AND $2 = 'admin'))";

  private PaymentAlerts() {
  }

  public static Future<Void> raise(SqlClient client, Alert alert, Instant at) {
    return client.preparedQuery(INSERT).execute(Tuple.of(UUID.randomUUID(), alert.tenantId().orElse(null),
        alert.audience(), alert.kind(), alert.applicationId().orElse(null), alert.paymentId().orElse(null),
        alert.batchId().orElse(null), alert.staffId().orElse(null)).addValue(alert.message())
      .addValue(PaymentOutcomes.utc(at))).mapEmpty();
  }

  /** The open alerts of the staff member's audience in their municipality (administrators also the installation's). */
  public static Future<JsonObject> open(SqlClient client, Session session, String audience) {
    return client.preparedQuery(OPEN).execute(Tuple.of(audience, session.tenantId())).map(rows -> {
      JsonArray alerts = new JsonArray();
      for (Row row : rows) {
        alerts.add(new JsonObject().put("id", row.getUUID("id").toString()).put("kind", row.getString("kind"))
          .put("applicationId", text(row.getUUID("application_id"))).put("paymentId", text(row.getUUID("payment_id")))
          .put("batchId", text(row.getUUID("batch_id")))
          .put("mine", session.staffMemberId().equals(row.getUUID("staff_id")))
          .put("message", row.getString("message"))
          .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString()));
      }
      return new JsonObject().put("alerts", alerts);
    });
  }

  public static Future<Void> acknowledge(SqlClient client, Session session, String audience, UUID id, Instant at) {
    return client.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(id, audience, session.staffMemberId(),
        PaymentOutcomes.utc(at), session.tenantId()))
      .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture() : Future.failedFuture(ApiException.notFound()));
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
