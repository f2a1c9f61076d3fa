package se.socialportal.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Writes the audit log. Reads of personal data are recorded on the same connection (inside the same transaction
 * where there is one), so data is never shown without its audit row. The time comes from the application's clock,
 * like every other time the reports compare it with.
 */
public final class AuditLog {

  private static final String INSERT = "INSERT INTO audit_event (tenant_id, actor_kind, actor_staff_id, "
    + "actor_person_id, action, person_id, case_id, request_id, detail, at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

  private AuditLog() {
  }

  public static Future<Void> record(SqlClient client, AuditEntry entry, Instant at) {
    return client.preparedQuery(INSERT).execute(tuple(entry, at)).mapEmpty();
  }

  /** Several rows in one round trip, e.g. one per person shown in a list. */
  public static Future<Void> recordAll(SqlClient client, List<AuditEntry> entries, Instant at) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    return client.preparedQuery(INSERT).executeBatch(entries.stream().map(entry -> tuple(entry, at)).toList())
      .mapEmpty();
  }

  private static Tuple tuple(AuditEntry entry, Instant at) {
    return Tuple.of(entry.tenantId(), entry.actorKind().name().toLowerCase(Locale.ROOT),
        entry.actorStaffId().orElse(null), entry.actorPersonId().orElse(null), entry.action())
      .addValue(entry.personId().orElse(null))
      .addValue(entry.caseId().orElse(null))
      .addValue(entry.requestId().orElse(null))
      .addValue(entry.detail())
      .addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
  }
}
