package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;

import java.time.Clock;
import java.util.Set;

/**
 * Who reads the nämnd's figures and the IVO report: the municipality's administrators and enhetschefer. Anyone else
 * signed in as staff is refused with 403, and the refusal is written to the access log (loggkontroll shows it) on its
 * own connection before the answer goes out.
 */
public final class ReportAccess {

  public static final Set<String> ROLES = Set.of("admin", "enhetschef");

  private final Pool pool;
  private final Clock clock;

  public ReportAccess(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** The caller, when they may; otherwise a failed future (403) once the refusal is logged. */
  public Future<Session> require(RoutingContext ctx, String report) {
    return require(ctx, report, ROLES);
  }

  /** As {@link #require(RoutingContext, String)}, for an action only some of the readers may take. */
  public Future<Session> require(RoutingContext ctx, String report, Set<String> roles) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    if (me.roles().stream().anyMatch(roles::contains)) {
      return Future.succeededFuture(me);
    }
    AuditEntry refused = AuditEntry.by(me, "report.access_refused", null, null, RequestIds.of(ctx))
      .withDetail(new JsonObject().put("report", report));
    return AuditLog.record(pool, refused, clock.instant())
      .transform(done -> Future.failedFuture(ApiException.forbidden("forbidden")));
  }
}
