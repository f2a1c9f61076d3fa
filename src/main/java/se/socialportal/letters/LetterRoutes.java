package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.time.Clock;
import java.util.UUID;

/**
 * Decision letters for staff: a case's letters through the same access rules as the case (Mina sidor serves the
 * resident's own, bistånd's CaseRoutes). File names are "beslut-&lt;date&gt;.pdf": never a personnummer or a name.
 */
public final class LetterRoutes implements RoutesModule {

  private final Pool pool;
  private final SessionAccess sessions;
  private final Clock clock;

  public LetterRoutes(Pool pool, SessionAccess sessions, Clock clock) {
    this.pool = pool;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/casework/letters/:id/pdf").handler(sessions::load).handler(sessions::requireStaff)
      .handler(this::staffPdf);
  }

  private void staffPdf(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    UUID id = id(ctx);
    send(ctx, pool.withTransaction(tx -> LetterRepository.info(tx, id, me.tenantId()).compose(info -> {
      if (info.isEmpty()) {
        return Future.failedFuture(ApiException.notFound());
      }
      return CaseAccess.visible(tx, me, info.get().applicationId())
        .compose(header -> CaseAudit.record(tx, me, header, "letter.read", RequestIds.of(ctx),
          new JsonObject().put("letterId", id.toString()), clock.instant()))
        .compose(v -> LetterRepository.pdf(tx, id, me.tenantId())).map(pdf -> new Download(info.get(), pdf.orElseThrow()));
    })));
  }

  private record Download(LetterRepository.LetterInfo info, byte[] pdf) {
  }

  private static void send(RoutingContext ctx, Future<Download> download) {
    download.onSuccess(found -> ctx.response()
        .putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "inline; filename=\"beslut-"
          + found.info().createdAt().toString().substring(0, 10) + ".pdf\"")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(found.pdf())))
      .onFailure(ctx::fail);
  }

  private static UUID id(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }
}
