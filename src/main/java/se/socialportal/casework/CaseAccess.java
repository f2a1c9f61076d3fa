package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.util.UUID;

/**
 * The one gate to a case: the staff member's tenant, a case role, the application past signing, and — for a household
 * with protected personal data — an explicit assignment to this staff member. Anything else is 404, so nobody learns
 * that a case exists that is not theirs to see.
 */
public final class CaseAccess {

  private static final String VISIBLE = "SELECT " + CaseHeader.COLUMNS + ", EXISTS (SELECT 1 FROM case_assignment x "
    + "WHERE x.application_id = a.id AND x.staff_id = $3 AND x.ended_at IS NULL) AS assigned"
    + CaseHeader.FROM + "WHERE a.id = $1 AND a.tenant_id = $2 AND a.status NOT IN "
    + ApplicationStatus.sqlList(ApplicationStatus.BEFORE_SUBMISSION);

  private static final String FOR_AUTOMATION = "SELECT " + CaseHeader.COLUMNS + CaseHeader.FROM
    + "WHERE a.id = $1 AND a.tenant_id = $2";

  private CaseAccess() {
  }

  /**
   * The case as the automated decision function sees it: no staff session, inside the robot's transaction that
   * already holds the application's lock. A protected household never gets here (the robot sends it to a person).
   */
  public static Future<CaseHeader> forAutomatedDecision(SqlClient client, String tenantId, UUID applicationId) {
    return client.preparedQuery(FOR_AUTOMATION).execute(Tuple.of(applicationId, tenantId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(new IllegalStateException("the robot's application is gone"));
      }
      CaseHeader header = CaseHeader.of(rows.iterator().next());
      return header.isProtected()
        ? Future.failedFuture(new IllegalStateException("a protected identity never takes the automated path"))
        : Future.succeededFuture(header);
    });
  }

  public static Future<CaseHeader> visible(SqlClient client, Session session, UUID applicationId) {
    return load(client, session, applicationId, VISIBLE);
  }

  /** The same, with the application row locked for a change of the case (one transaction per change). */
  public static Future<CaseHeader> lock(SqlClient client, Session session, UUID applicationId) {
    return load(client, session, applicationId, VISIBLE + " FOR UPDATE OF a");
  }

  private static Future<CaseHeader> load(SqlClient client, Session session, UUID applicationId, String sql) {
    try {
      CaseworkRoles.requireCaseRole(session);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return client.preparedQuery(sql).execute(Tuple.of(applicationId, session.tenantId(), session.staffMemberId()))
      .compose(rows -> {
        if (rows.size() == 0) {
          return Future.failedFuture(ApiException.notFound());
        }
        var row = rows.iterator().next();
        CaseHeader header = CaseHeader.of(row);
        if (header.isProtected() && !row.getBoolean("assigned")) {
          return Future.failedFuture(ApiException.notFound());
        }
        return Future.succeededFuture(header);
      });
  }
}
