package se.socialportal.audit;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the audit log. Reads of personal data are recorded on the same connection (inside the same transaction
 * where there is one), so data is never shown without its audit row. The time comes from the application's clock,
 * like every other time the reports compare it with.
 */
public final class AuditLog {

  private static final String INSERT = "INSERT INTO audit_event (tenant_id, actor_kind, actor_staff_id, "
    + "actor_person_id, action, person_id, case_id, request_id, detail, at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
  private static final String INSERT_ALL = "INSERT INTO audit_event (tenant_id, actor_kind, actor_staff_id, "
    + "actor_person_id, action, person_id, case_id, request_id, detail, at) "
    + "SELECT x.tenant_id, x.actor_kind, x.actor_staff_id, x.actor_person_id, x.action, x.person_id, x.case_id, "
    + "x.request_id, x.detail::jsonb, $10 FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], "
    + "$6::uuid[], $7::uuid[], $8::text[], $9::text[]) AS x (tenant_id, actor_kind, actor_staff_id, actor_person_id, "
    + "action, person_id, case_id, request_id, detail)";

  private AuditLog() {
  }

  public static Future<Void> record(SqlClient client, AuditEntry entry, Instant at) {
    return client.preparedQuery(INSERT).execute(tuple(entry, at)).mapEmpty();
  }

  /**
   * Several rows in one statement, e.g. one per person shown in a list: one execution and one plan in PostgreSQL
   * however many rows (a batch of single-row inserts would cost an execution per row).
   */
  public static Future<Void> recordAll(SqlClient client, List<AuditEntry> entries, Instant at) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    if (entries.size() == 1) {
      return record(client, entries.get(0), at);
    }
    int n = entries.size();
    String[] tenants = new String[n];
    String[] kinds = new String[n];
    UUID[] staff = new UUID[n];
    UUID[] actors = new UUID[n];
    String[] actions = new String[n];
    UUID[] persons = new UUID[n];
    UUID[] cases = new UUID[n];
    String[] requests = new String[n];
    String[] details = new String[n];
    for (int i = 0; i < n; i++) {
      AuditEntry entry = entries.get(i);
      tenants[i] = entry.tenantId();
      kinds[i] = entry.actorKind().name().toLowerCase(Locale.ROOT);
      staff[i] = entry.actorStaffId().orElse(null);
      actors[i] = entry.actorPersonId().orElse(null);
      actions[i] = entry.action();
      persons[i] = entry.personId().orElse(null);
      cases[i] = entry.caseId().orElse(null);
      requests[i] = entry.requestId().orElse(null);
      // Most rows carry no detail: '{}' without a JSON encoder run per row (a page logs one row per person).
      details[i] = entry.detail().isEmpty() ? "{}" : entry.detail().encode();
    }
    return client.preparedQuery(INSERT_ALL).execute(Tuple.of(tenants, kinds, staff, actors, actions, persons)
        .addValue(cases).addValue(requests).addValue(details).addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
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
