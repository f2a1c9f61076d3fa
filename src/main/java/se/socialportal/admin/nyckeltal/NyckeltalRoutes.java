package se.socialportal.admin.nyckeltal;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The nämnd's nyckeltal for administrators and enhetschefer: a month's figures (GET /api/v1/admin/nyckeltal), the
 * trend of stored months (…/trend), a snapshot made now for an ended month (POST …/snapshots), and the month as CSV
 * and PDF. Every pull is written to the access log; the figures are counts and sums, never a person.
 */
public final class NyckeltalRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/admin/nyckeltal";
  private static final String TENANT_NAME = "SELECT name FROM tenant WHERE id = $1";

  private final Pool pool;
  private final SessionAccess sessions;
  private final Nyckeltal nyckeltal;
  private final ReportAccess access;
  private final Clock clock;

  public NyckeltalRoutes(Pool pool, SessionAccess sessions, Nyckeltal nyckeltal, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.nyckeltal = nyckeltal;
    this.access = new ReportAccess(pool, clock);
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "*").handler(sessions::load).handler(sessions::requireStaff);
    router.get(BASE).handler(ctx -> Responses.reply(ctx, month(ctx)));
    router.get(BASE + "/trend").handler(ctx -> Responses.reply(ctx, access.require(ctx, "nyckeltal").compose(me -> {
      YearMonth to = month(ctx.queryParams().get("to"), "to").orElse(nyckeltal.thisMonth().minusMonths(1));
      return nyckeltal.trend(me.tenantId(), to, months(ctx.queryParams().get("months")));
    })));
    // Storing a month on demand is the administrator's; enhetschefer read.
    router.post(BASE + "/snapshots").handler(ctx -> Responses.reply(ctx, access.require(ctx, "nyckeltal",
        java.util.Set.of("admin"))
      .compose(me -> {
        JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
        YearMonth month = month(JsonFields.optionalText(body, "month"), "month")
          .orElseThrow(() -> ApiException.invalid("month", "required"));
        if (!month.isBefore(nyckeltal.thisMonth())) {
          throw ApiException.invalid("month", "month_not_ended");
        }
        return audited(ctx, me, "report.nyckeltal.snapshot", month)
          .compose(done -> nyckeltal.month(me.tenantId(), month, Optional.of(me.staffMemberId())));
      })));
    router.get(BASE + ".csv").handler(ctx -> month(ctx).compose(answer -> tenantName(ctx)
        .map(name -> NyckeltalExport.csv(name, answer)))
      .onSuccess(csv -> file(ctx, "text/csv; charset=utf-8", "nyckeltal-" + ctx.queryParams().get("month") + ".csv",
        Buffer.buffer(csv)))
      .onFailure(ctx::fail));
    router.get(BASE + ".pdf").handler(ctx -> month(ctx).compose(answer -> tenantName(ctx)
        .compose(name -> ctx.vertx().executeBlocking(() -> NyckeltalExport.pdf(name, answer), false)))
      .onSuccess(pdf -> file(ctx, "application/pdf", "nyckeltal-" + ctx.queryParams().get("month") + ".pdf",
        Buffer.buffer(pdf)))
      .onFailure(ctx::fail));
  }

  private Future<JsonObject> month(RoutingContext ctx) {
    return access.require(ctx, "nyckeltal").compose(me -> {
      YearMonth month = month(ctx.queryParams().get("month"), "month")
        .orElseThrow(() -> ApiException.invalid("month", "required"));
      return audited(ctx, me, "report.nyckeltal", month)
        .compose(done -> nyckeltal.month(me.tenantId(), month, Optional.of(me.staffMemberId())));
    });
  }

  private Future<Void> audited(RoutingContext ctx, Session me, String action, YearMonth month) {
    return AuditLog.record(pool, AuditEntry.by(me, action, null, null, RequestIds.of(ctx))
      .withDetail(new JsonObject().put("month", month.toString())), clock.instant());
  }

  private Future<String> tenantName(RoutingContext ctx) {
    String tenant = SessionAccess.current(ctx).orElseThrow().tenantId();
    return pool.preparedQuery(TENANT_NAME).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getString(0));
  }

  static Optional<YearMonth> month(String value, String field) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(YearMonth.parse(value));
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "month_invalid");
    }
  }

  private static int months(String value) {
    if (value == null || value.isBlank()) {
      return Nyckeltal.MAX_TREND_MONTHS;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("months", "trend_months");
    }
  }

  /** A download: not cached, named for the month, the bytes as they are. */
  public static void file(RoutingContext ctx, String type, String name, Buffer body) {
    ctx.response().putHeader("Content-Type", type)
      .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
      .putHeader("Cache-Control", "no-store").end(body);
  }
}
