package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Appends to application_event (the case's history) and moves the application's status, in the caller's transaction. */
public final class CaseEvents {

  private static final String EVENT = "INSERT INTO application_event (application_id, tenant_id, type, status, "
    + "actor_kind, actor_staff_id, data) VALUES ($1, $2, $3, $4, 'staff', $5, $6)";
  private static final String STATUS = "UPDATE application SET status = $2, updated_at = now() WHERE id = $1";

  private CaseEvents() {
  }

  public static Future<Void> staff(SqlClient tx, CaseHeader header, String type, String newStatus, UUID staffId,
                                   JsonObject data) {
    Future<Void> status = newStatus == null || newStatus.equals(header.status()) ? Future.succeededFuture()
      : tx.preparedQuery(STATUS).execute(Tuple.of(header.id(), newStatus)).mapEmpty();
    return status.compose(v -> tx.preparedQuery(EVENT).execute(Tuple.of(header.id(), header.tenantId(), type,
      newStatus, staffId, data)).mapEmpty());
  }
}
