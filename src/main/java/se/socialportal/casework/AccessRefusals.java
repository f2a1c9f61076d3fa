package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Refused attempts to reach a case are part of loggkontroll (SoLPuL 10 §): the 404 a staff member gets for an existing
 * case of their municipality that is not theirs to see — a protected household's case without an assignment, or any
 * case for a role without casework — is written to the audit log as {@code case.access_refused}, one row per adult of
 * the household. It is written after the refused request's own transaction has rolled back, on its own connection,
 * and the answer stays the same 404 (nobody learns that the case exists).
 */
public final class AccessRefusals {

  private static final String CASE = "SELECT a.applicant_id, a.co_applicant_id, "
    + "(p.protection <> 'none' OR coalesce(c.protection, 'none') <> 'none') AS protected, "
    + "EXISTS (SELECT 1 FROM case_assignment x WHERE x.application_id = a.id AND x.staff_id = $3 AND x.ended_at IS NULL) "
    + "AS assigned FROM application a JOIN person p ON p.id = a.applicant_id "
    + "LEFT JOIN person c ON c.id = a.co_applicant_id WHERE a.id = $1 AND a.tenant_id = $2";
  private static final String LETTER = "SELECT application_id FROM decision_letter WHERE id = $1 AND tenant_id = $2";

  private static final String CHECKED = "casework.accessRefusalChecked";

  private final Pool pool;
  private final Clock clock;

  public AccessRefusals(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * A failure handler for casework's case routes: a 404 for a case that exists is recorded as refused access, then the
   * failure goes on to the uniform responder.
   *
   * @param letter the path's id names a letter (its case is looked up), not a case
   */
  public void onFailure(RoutingContext ctx, boolean letter) {
    Throwable failure = ctx.failure();
    var session = SessionAccess.current(ctx).filter(Session::isStaff);
    // Once per request, though more than one of casework's failure handlers may match its path.
    if (!(failure instanceof ApiException api) || api.status() != 404 || session.isEmpty()
      || ctx.get(CHECKED) != null) {
      ctx.next();
      return;
    }
    ctx.put(CHECKED, true);
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException | NullPointerException e) {
      ctx.next();
      return;
    }
    // The route as asked, with the case's own id left out (it is the row's case_id).
    String route = ctx.request().method().name() + " " + ctx.normalizedPath().replace(id.toString(), ":id");
    record(session.get(), id, letter, route, RequestIds.of(ctx)).onComplete(done -> ctx.next());
  }

  Future<Void> record(Session session, UUID id, boolean letter, String route, String requestId) {
    Future<UUID> application = !letter ? Future.succeededFuture(id)
      : pool.preparedQuery(LETTER).execute(Tuple.of(id, session.tenantId()))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("application_id"));
    return application.compose(caseId -> caseId == null ? Future.<Void>succeededFuture() : pool.preparedQuery(CASE)
      .execute(Tuple.of(caseId, session.tenantId(), session.staffMemberId())).compose(rows -> {
        if (rows.size() == 0) {
          return Future.succeededFuture();
        }
        var row = rows.iterator().next();
        boolean caseRole = CaseworkRoles.any(session, CaseworkRoles.CASE_ROLES);
        boolean refused = !caseRole || row.getBoolean("protected") && !row.getBoolean("assigned");
        if (!refused) {
          return Future.succeededFuture();
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (String column : List.of("applicant_id", "co_applicant_id")) {
          UUID person = row.getUUID(column);
          if (person != null) {
            entries.add(AuditEntry.by(session, "case.access_refused", person, caseId, requestId)
              .withDetail(new io.vertx.core.json.JsonObject().put("route", route)));
          }
        }
        return AuditLog.recordAll(pool, entries, clock.instant());
      }));
  }
}
