package se.socialportal.letters.print;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The print queue's API for the staff who post letters (/handlaggare/utskrift/): the letters waiting and the batches,
 * today's batch on demand, its PDF, and marking it printed and sent. Downloading a batch is written to the audit log,
 * one row per recipient: the PDF holds their names and addresses.
 */
public final class PrintRoutes implements RoutesModule {

  /** The administrators, who handle the municipality's outgoing post. */
  static final Set<String> POSTERS = Set.of("admin");
  private static final String BASE = "/api/v1/print";

  private final PrintQueue queue;
  private final SessionAccess sessions;
  private final Pool pool;
  private final Clock clock;

  public PrintRoutes(PrintQueue queue, SessionAccess sessions, Pool pool, Clock clock) {
    this.queue = queue;
    this.sessions = sessions;
    this.pool = pool;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "/*").handler(sessions::load).handler(sessions::requireStaff);
    router.get(BASE + "/batches").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> queue.overview(poster(ctx).tenantId()))));
    router.post(BASE + "/batches").handler(ctx -> Future.succeededFuture().compose(v -> {
      Session me = poster(ctx);
      return queue.createBatch(me.tenantId(), Optional.of(me.staffMemberId())).compose(run -> run.batchId().isEmpty()
        ? Future.failedFuture(run.unaddressed() > 0 ? ApiException.conflict("print_unaddressed", run.unaddressed())
          : ApiException.conflict("print_nothing_waiting"))
        : queue.batch(pool, me.tenantId(), run.batchId().get()).map(batch -> new JsonObject()
          .put("batch", batch.orElseThrow()).put("unaddressed", run.unaddressed())));
    }).onSuccess(body -> Responses.created(ctx, body)).onFailure(ctx::fail));
    router.post(BASE + "/batches/:id/printed").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> {
        Session me = poster(ctx);
        return queue.markPrinted(me.tenantId(), id(ctx), me.staffMemberId());
      })));
    router.post(BASE + "/batches/:id/sent").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> {
        Session me = poster(ctx);
        return queue.markSent(me.tenantId(), id(ctx), me.staffMemberId());
      })));
    // The file name is the batch's id: never a name or a personnummer.
    router.get(BASE + "/batches/:id/pdf").handler(ctx -> Future.succeededFuture().compose(v -> download(ctx))
      .onSuccess(pdf -> ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"utskrift-" + id(ctx) + ".pdf\"")
        .putHeader("Cache-Control", "no-store").end(Buffer.buffer(pdf)))
      .onFailure(ctx::fail));
  }

  /** The PDF, with its audit rows in the same transaction: no download without the record of it. */
  private Future<byte[]> download(RoutingContext ctx) {
    Session me = poster(ctx);
    UUID batchId = id(ctx);
    String requestId = RequestIds.of(ctx);
    return pool.withTransaction(tx -> queue.download(tx, me.tenantId(), batchId).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(ApiException.notFound());
      }
      List<AuditEntry> entries = found.get().recipients().stream().map(recipient -> AuditEntry.by(me,
          "print_batch.read", recipient[1], recipient[0], requestId)
        .withDetail(new JsonObject().put("batchId", batchId.toString()))).toList();
      return AuditLog.recordAll(tx, entries, clock.instant()).map(found.get().pdf());
    }));
  }

  private static Session poster(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).filter(Session::isStaff).orElseThrow(ApiException::unauthenticated);
    if (me.roles().stream().noneMatch(POSTERS::contains)) {
      throw ApiException.forbidden("forbidden");
    }
    return me;
  }

  /** A malformed id names nothing: 404, like an id that is not the municipality's. */
  private static UUID id(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
