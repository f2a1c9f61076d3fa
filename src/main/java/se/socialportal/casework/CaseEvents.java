package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Appends to application_event (the case's history) and moves the application's status, in the caller's transaction. */
public final class CaseEvents {

  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, actor_staff_id, data, at) VALUES ($1, $2, $3, $4, 'staff', $5, $6, $7)";
  private static final String STATUS = "UPDATE application SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String SYSTEM_EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, data, at) VALUES ($1, $2, $3, $4, 'system', $5, $6)";

  private CaseEvents() {
  }

  public static Future<Void> staff(SqlClient tx, CaseHeader header, String type, String newStatus, UUID staffId,
                                   JsonObject data, Instant at) {
    OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    Future<Void> status = newStatus == null || newStatus.equals(header.status()) ? Future.succeededFuture()
      : tx.preparedQuery(STATUS).execute(Tuple.of(header.id(), newStatus, time)).mapEmpty();
    return status.compose(v -> tx.preparedQuery(EVENT).execute(Tuple.of(header.id(), header.tenantId(), type,
      newStatus, staffId, data).addValue(time)).mapEmpty());
  }

  /**
   * What happened to a decided case without a person acting on it (the bank booked or rejected its payment): the
   * event and, when given, the application's new status.
   */
  public static Future<Void> system(SqlClient tx, UUID applicationId, String tenantId, String type, String newStatus,
                                    JsonObject data, Instant at) {
    OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    Future<Void> status = newStatus == null ? Future.succeededFuture()
      : tx.preparedQuery(STATUS).execute(Tuple.of(applicationId, newStatus, time)).mapEmpty();
    return status.compose(v -> tx.preparedQuery(SYSTEM_EVENT).execute(Tuple.of(applicationId, tenantId, type, newStatus,
      data, time)).mapEmpty());
  }
}
