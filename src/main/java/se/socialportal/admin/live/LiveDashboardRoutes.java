package se.socialportal.admin.live;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.time.Clock;
import java.util.Set;

/**
 * The live dashboard for administrators and enhetschefer of a municipality: GET /api/v1/admin/live — a
 * text/event-stream that sends the municipality's whole figure set at once and again after every change (at most
 * once per LIVE_PUSH_MILLIS); GET /api/v1/admin/live/figures — the same set once, as JSON. Staff see their own
 * municipality only (the role vocabulary has no system-wide administrator); any other role is refused with 403 and
 * the refusal is written to the audit log, where loggkontroll shows it. The figures are counts and times, no one's
 * personal data; opening the dashboard is logged all the same, as a report pull is.
 */
public final class LiveDashboardRoutes implements RoutesModule {

  /** May watch the dashboard. */
  static final Set<String> WATCHERS = Set.of("admin", "enhetschef");

  private final LiveDashboard dashboard;
  private final Pool pool;
  private final SessionAccess sessions;
  private final Clock clock;

  public LiveDashboardRoutes(LiveDashboard dashboard, Pool pool, SessionAccess sessions, Clock clock) {
    this.dashboard = dashboard;
    this.pool = pool;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/admin/live*").handler(sessions::load).handler(sessions::requireStaff)
      .handler(this::watcher);
    router.get("/api/v1/admin/live").handler(this::stream);
    router.get("/api/v1/admin/live/figures").handler(ctx -> {
      Session me = SessionAccess.current(ctx).orElseThrow();
      Responses.reply(ctx, audit(ctx, me, "admin.live_read").compose(v -> dashboard.figures(me.tenantId())));
    });
  }

  /** Only the municipality's administrators and enhetschefer; a refusal is audited before the 403 goes out. */
  private void watcher(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    if (me.roles().stream().anyMatch(WATCHERS::contains)) {
      ctx.next();
      return;
    }
    audit(ctx, me, "admin.live_refused").onComplete(done -> ctx.fail(ApiException.forbidden("forbidden")));
  }

  private void stream(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    audit(ctx, me, "admin.live_read")
      .compose(v -> ServerSentEvents.start(ctx.response()))
      .compose(v -> dashboard.open(me.tenantId(), ctx.response()))
      .onFailure(failure -> {
        if (ctx.response().headWritten()) {
          // The stream had begun: end it; the browser reconnects and gets the full set again.
          ctx.response().end();
        } else {
          ctx.fail(failure);
        }
      });
  }

  private Future<Void> audit(RoutingContext ctx, Session me, String action) {
    return AuditLog.record(pool, AuditEntry.by(me, action, null, null, RequestIds.of(ctx))
      .withDetail(new io.vertx.core.json.JsonObject().put("route", ctx.normalizedPath())), clock.instant());
  }
}
