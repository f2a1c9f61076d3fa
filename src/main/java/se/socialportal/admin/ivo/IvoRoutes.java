package se.socialportal.admin.ivo;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import se.socialportal.admin.nyckeltal.NyckeltalRoutes;
import se.socialportal.admin.nyckeltal.ReportAccess;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.payment.EjVerkstallda;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The report of ej verkställda beslut for IVO and the nämnd: GET /api/v1/admin/ivo?quarter=2026-Q2 (with the early
 * alerts), as CSV and PDF, and POST /api/v1/admin/ivo/decisions/{id}/note where staff record why a decision is not
 * executed and the interim measure. The report names cases by reference, never by person; reading it is written to
 * the access log per case, as the payment room's list is.
 */
public final class IvoRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/admin/ivo";
  private static final String TENANT_NAME = "SELECT name FROM tenant WHERE id = $1";

  private final Pool pool;
  private final SessionAccess sessions;
  private final ReportAccess access;
  private final Clock clock;

  public IvoRoutes(Pool pool, SessionAccess sessions, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.access = new ReportAccess(pool, clock);
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "*").handler(sessions::load).handler(sessions::requireStaff);
    router.get(BASE).handler(ctx -> Responses.reply(ctx, report(ctx)));
    router.get(BASE + ".csv").handler(ctx -> report(ctx).compose(report -> tenantName(ctx)
        .map(name -> IvoExport.csv(name, report)))
      .onSuccess(csv -> NyckeltalRoutes.file(ctx, "text/csv; charset=utf-8", "ivo-" + ctx.queryParams().get("quarter")
        + ".csv", Buffer.buffer(csv)))
      .onFailure(ctx::fail));
    router.get(BASE + ".pdf").handler(ctx -> report(ctx).compose(report -> tenantName(ctx)
        .compose(name -> ctx.vertx().executeBlocking(() -> IvoExport.pdf(name, report), false)))
      .onSuccess(pdf -> NyckeltalRoutes.file(ctx, "application/pdf", "ivo-" + ctx.queryParams().get("quarter")
        + ".pdf", Buffer.buffer(pdf)))
      .onFailure(ctx::fail));
    router.post(BASE + "/decisions/:id/note").handler(ctx -> Responses.reply(ctx, access.require(ctx, "ivo")
      .compose(me -> note(ctx, me))));
  }

  private Future<JsonObject> report(RoutingContext ctx) {
    return access.require(ctx, "ivo").compose(me -> {
      Quarter quarter = Quarter.parse(ctx.queryParams().get("quarter"));
      LocalDate today = LocalDate.now(clock.withZone(IvoReport.STOCKHOLM));
      if (quarter.first().isAfter(today)) {
        throw ApiException.invalid("quarter", "quarter_in_future");
      }
      return pool.withTransaction(tx -> IvoReport.report(tx, me.tenantId(), quarter, today).compose(result -> {
        List<AuditEntry> audit = new ArrayList<>();
        audit.add(AuditEntry.by(me, "report.ivo", null, null, RequestIds.of(ctx))
          .withDetail(new JsonObject().put("quarter", quarter.toString())));
        result.named().stream().distinct().forEach(part -> audit.add(AuditEntry.by(me, "report.ivo.case",
          part.applicantId(), part.applicationId(), RequestIds.of(ctx))));
        return AuditLog.recordAll(tx, audit, clock.instant()).map(result.report());
      }));
    });
  }

  private Future<JsonObject> note(RoutingContext ctx, Session me) {
    UUID decision;
    try {
      decision = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
    JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
    String reason = JsonFields.text(body, "reason").strip();
    String interim = Optional.ofNullable(JsonFields.optionalText(body, "interimMeasure")).map(String::strip)
      .filter(text -> !text.isEmpty()).orElse(null);
    if (reason.length() < 3 || reason.length() > 1000) {
      throw ApiException.invalid("reason", "ivo_reason");
    }
    if (interim != null && interim.length() > 1000) {
      throw ApiException.invalid("interimMeasure", "ivo_interim_measure");
    }
    IvoNotes.Note note = new IvoNotes.Note(reason, Optional.ofNullable(interim));
    return pool.withTransaction(tx -> IvoNotes.grantedDecision(tx, decision, me.tenantId(),
        EjVerkstallda.PAID_TYPES.toArray(new String[0])).compose(owner -> {
          if (owner.isEmpty()) {
            return Future.failedFuture(ApiException.notFound());
          }
          return IvoNotes.record(tx, decision, me.tenantId(), note, me.staffMemberId(), clock.instant())
            .compose(done -> AuditLog.record(tx, AuditEntry.by(me, "ivo.note", owner.get().applicantId(),
              owner.get().applicationId(), RequestIds.of(ctx)), clock.instant()))
            .map(done -> new JsonObject().put("decisionId", decision.toString()).put("reason", reason)
              .put("interimMeasure", interim));
        }));
  }

  private Future<String> tenantName(RoutingContext ctx) {
    String tenant = SessionAccess.current(ctx).orElseThrow().tenantId();
    return pool.preparedQuery(TENANT_NAME).execute(Tuple.of(tenant)).map(rows -> rows.iterator().next().getString(0));
  }
}
