package se.socialportal.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
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
import java.util.function.Function;

/**
 * Control reports for enhetschef and administrators: loggkontroll, the delegationsbeslut list and stickprov per
 * channel, each as JSON for the report pages and as CSV for a spreadsheet, and the municipality's staff for the
 * pages' filter. Pulling a report is itself written to the audit log.
 */
public final class ReportRoutes implements RoutesModule {

  /** May pull loggkontroll, delegationsbeslut and stickprov reports. */
  static final Set<String> REPORTERS = Set.of("enhetschef", "admin");
  private static final String STAFF = "SELECT id, name FROM staff_member WHERE tenant_id = $1 ORDER BY name";
  private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("^[a-z_]+(\\.[a-z_]+)+$");

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
    router.get("/api/v1/reports/loggkontroll").handler(ctx -> Responses.reply(ctx, loggkontroll(ctx)));
    router.get("/api/v1/reports/loggkontroll.csv").handler(ctx -> csv(ctx, "loggkontroll",
      loggkontroll(ctx).map(Loggkontroll::csv)));
    router.get("/api/v1/reports/delegationsbeslut").handler(ctx -> Responses.reply(ctx,
      pulled(ctx, "report.delegationsbeslut", (me, period) -> tx -> DelegationsbeslutList.report(tx, rules,
        me.tenantId(), period, optionalId(ctx.queryParams().get("staffId"), "staffId")))));
    router.get("/api/v1/reports/delegationsbeslut.csv").handler(ctx -> csv(ctx, "delegationsbeslut",
      pulled(ctx, "report.delegationsbeslut", (me, period) -> tx -> DelegationsbeslutList.csv(tx, rules,
        me.tenantId(), period, optionalId(ctx.queryParams().get("staffId"), "staffId")))));
    router.get("/api/v1/reports/stickprov").handler(ctx -> Responses.reply(ctx, stickprov(ctx)));
    router.get("/api/v1/reports/stickprov.csv").handler(ctx -> csv(ctx, "stickprov",
      stickprov(ctx).map(StickprovReport::csv)));
    router.get("/api/v1/reports/staff").handler(ctx -> {
      Session me = reporter(ctx);
      Responses.reply(ctx, pool.preparedQuery(STAFF).execute(Tuple.of(me.tenantId())).map(rows -> {
        JsonArray staff = new JsonArray();
        rows.forEach(row -> staff.add(new JsonObject().put("id", row.getUUID("id").toString())
          .put("name", row.getString("name"))));
        return new JsonObject().put("staff", staff);
      }));
    });
  }

  private Future<JsonObject> stickprov(RoutingContext ctx) {
    return pulled(ctx, "report.stickprov", (me, period) -> tx -> StickprovReport.report(tx, me.tenantId(), period));
  }

  private Future<JsonObject> loggkontroll(RoutingContext ctx) {
    return pulled(ctx, "report.loggkontroll", (me, period) -> {
      Optional<UUID> staff = optionalId(ctx.queryParams().get("staffId"), "staffId");
      Optional<UUID> person = optionalId(ctx.queryParams().get("personId"), "personId");
      String action = ctx.queryParams().get("action");
      if (action != null && !action.isBlank() && !ACTION.matcher(action).matches()) {
        throw ApiException.invalid("action", "report_filter");
      }
      Loggkontroll.Filter filter = new Loggkontroll.Filter(period, staff, person,
        Optional.ofNullable(action).filter(value -> !value.isBlank()));
      return tx -> Loggkontroll.report(tx, me.tenantId(), filter);
    });
  }

  /** The caller may pull reports; the period is valid; the pull is audited in the report's own transaction. */
  private <T> Future<T> pulled(RoutingContext ctx, String action,
                               java.util.function.BiFunction<Session, ReportPeriod,
                                 Function<io.vertx.sqlclient.SqlConnection, Future<T>>> report) {
    return Future.succeededFuture().compose(v -> {
      Session me = reporter(ctx);
      ReportPeriod period = ReportPeriod.parse(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
      Function<io.vertx.sqlclient.SqlConnection, Future<T>> query = report.apply(me, period);
      return pool.withTransaction(tx -> AuditLog.record(tx, AuditEntry.by(me, action, null, null, RequestIds.of(ctx))
          .withDetail(new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())),
        clock.instant()).compose(done -> query.apply(tx)));
    });
  }

  private static void csv(RoutingContext ctx, String name, Future<String> body) {
    body.onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "-" + ctx.queryParams().get("from") + "-"
          + ctx.queryParams().get("to") + ".csv\"")
        .putHeader("Cache-Control", "no-store").end(csv))
      .onFailure(ctx::fail);
  }

  private Session reporter(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    CaseworkRoles.require(me, REPORTERS);
    return me;
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
