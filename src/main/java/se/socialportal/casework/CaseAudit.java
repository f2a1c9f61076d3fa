package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;

import java.time.Instant;
import java.util.List;

/** Audit rows for a staff member's read or change of a case: one per adult of the household, on the caller's connection. */
public final class CaseAudit {

  private CaseAudit() {
  }

  public static Future<Void> record(SqlClient client, Session session, CaseHeader header, String action,
                                    String requestId, JsonObject detail, Instant at) {
    List<AuditEntry> entries = header.adults().stream()
      .map(person -> AuditEntry.by(session, action, person, header.id(), requestId).withDetail(detail))
      .toList();
    return AuditLog.recordAll(client, entries, at);
  }
}
