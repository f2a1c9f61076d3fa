package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.util.UUID;

/**
 * Decision letters: the resident lists and downloads their own (Mina sidor), staff download a case's letters through
 * the same access rules as the case. File names are "beslut-&lt;date&gt;.pdf": never a personnummer or a name.
 */
public final class LetterRoutes implements RoutesModule {

  private final Pool pool;
  private final SessionAccess sessions;

  public LetterRoutes(Pool pool, SessionAccess sessions) {
    this.pool = pool;
    this.sessions = sessions;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/letters").handler(sessions::load).handler(sessions::requireResident).handler(this::mine);
    router.get("/api/v1/letters/:id/pdf").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::residentPdf);
    router.get("/api/v1/casework/letters/:id/pdf").handler(sessions::load).handler(sessions::requireStaff)
      .handler(this::staffPdf);
  }

  private void mine(RoutingContext ctx) {
    Session me = SessionAccess.resident(ctx);
    Responses.reply(ctx, LetterRepository.forRecipient(pool, me.residentId(), me.tenantId()).map(letters -> {
      JsonArray list = new JsonArray();
      letters.forEach(letter -> list.add(new JsonObject().put("id", letter.id().toString())
        .put("applicationId", letter.applicationId().toString()).put("createdAt", letter.createdAt().toString())));
      return new JsonObject().put("letters", list);
    }));
  }

  private void residentPdf(RoutingContext ctx) {
    Session me = SessionAccess.resident(ctx);
    UUID id = id(ctx);
    send(ctx, pool.withTransaction(tx -> LetterRepository.info(tx, id, me.tenantId()).compose(info -> {
      if (info.isEmpty() || !info.get().recipientIds().contains(me.residentId())) {
        return Future.failedFuture(ApiException.notFound());
      }
      return AuditLog.record(tx, AuditEntry.by(me, "letter.read", me.residentId(), info.get().applicationId(),
          RequestIds.of(ctx)))
        .compose(v -> LetterRepository.pdf(tx, id, me.tenantId())).map(pdf -> new Download(info.get(), pdf.orElseThrow()));
    })));
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
          new JsonObject().put("letterId", id.toString())))
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
