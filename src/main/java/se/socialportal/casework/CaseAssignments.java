package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The owner of {@code case_assignment}: who owns a case (one at a time) and who has named access to it (the only way
 * anyone sees a protected household's case). Every change is in the caller's transaction.
 */
final class CaseAssignments {

  /** An owner works the case; access is what a protected household's case needs to be seen at all. */
  enum Kind {
    OWNER("owner"), ACCESS("access");

    private final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  private static final String END_OWNER = "UPDATE case_assignment SET ended_at = $3, ended_by = $2 "
    + "WHERE application_id = $1 AND kind = 'owner' AND ended_at IS NULL";
  private static final String ASSIGN = "INSERT INTO case_assignment (tenant_id, application_id, staff_id, kind, "
    + "assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING";

  private CaseAssignments() {
  }

  /** The case has no owner from now on. */
  static Future<Void> endOwner(SqlClient tx, UUID applicationId, UUID endedBy, Instant at) {
    return tx.preparedQuery(END_OWNER).execute(Tuple.of(applicationId, endedBy, utc(at))).mapEmpty();
  }

  /** {@code staffId} gets the assignment (already having it changes nothing). */
  static Future<Void> assign(SqlClient tx, String tenantId, UUID applicationId, UUID staffId, Kind kind,
                             UUID assignedBy, Instant at) {
    return tx.preparedQuery(ASSIGN).execute(Tuple.of(tenantId, applicationId, staffId, kind.code, assignedBy, utc(at)))
      .mapEmpty();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
