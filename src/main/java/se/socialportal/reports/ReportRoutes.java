package se.socialportal.reports;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.casework.CaseworkRoles;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Control reports for enhetschef and administrators: loggkontroll (JSON), the delegationsbeslut list (CSV) and
 * stickprov per channel (JSON).
 * Pulling a report is itself written to the audit log.
 */
public final class ReportRoutes implements RoutesModule {

  /** May pull loggkontroll, delegationsbeslut and stickprov reports. */
  static final Set<String> REPORTERS = Set.of("enhetschef", "admin");

  private final Pool pool;
  private final SessionAccess sessions;
  private final CaseworkRules rules;
  private final Clock clock;

  public ReportRoutes(Pool pool, SessionAccess sessions, CaseworkRules rules, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/reports/*").handler(sessions::load).handler(sessions::requireStaff);
    router.get("/api/v1/reports/loggkontroll").handler(this::loggkontroll);
    router.get("/api/v1/reports/delegationsbeslut.csv").handler(this::delegationsbeslut);
    router.get("/api/v1/reports/stickprov").handler(this::stickprov);
  }

  private void stickprov(RoutingContext ctx) {
    Session me = reporter(ctx);
    ReportPeriod period = ReportPeriod.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
    Responses.reply(ctx, pool.withTransaction(tx -> AuditLog.record(tx, AuditEntry.by(me, "report.stickprov", null,
        null, RequestIds.of(ctx)), clock.instant())
      .compose(v -> StickprovReport.report(tx, me.tenantId(), period))));
  }

  private Session reporter(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    CaseworkRoles.require(me, REPORTERS);
    return me;
  }

  private void loggkontroll(RoutingContext ctx) {
    Session me = reporter(ctx);
    ReportPeriod period = ReportPeriod.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
    Optional<UUID> staff = optionalId(ctx.queryParams().get("staffId"), "staffId");
    Optional<UUID> person = optionalId(ctx.queryParams().get("personId"), "personId");
    Responses.reply(ctx, pool.withTransaction(tx -> AuditLog.record(tx, AuditEntry.by(me, "report.loggkontroll", null,
        null, RequestIds.of(ctx)).withDetail(new JsonObject().put("from", period.from().toString())
        .put("to", period.to().toString())), clock.instant())
      .compose(v -> Loggkontroll.report(tx, me.tenantId(), period, staff, person))));
  }

  private void delegationsbeslut(RoutingContext ctx) {
    Session me = reporter(ctx);
    ReportPeriod period = ReportPeriod.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
    pool.withTransaction(tx -> AuditLog.record(tx, AuditEntry.by(me, "report.delegationsbeslut", null, null,
          RequestIds.of(ctx)), clock.instant())
        .compose(v -> DelegationsbeslutList.csv(tx, rules, me.tenantId(), period)))
      .onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"delegationsbeslut-" + period.from() + "-"
          + period.to() + ".csv\"")
        .putHeader("Cache-Control", "no-store").end(csv))
      .onFailure(ctx::fail);
  }

  private static Optional<UUID> optionalId(String value, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, "id_invalid");
    }
  }
}
