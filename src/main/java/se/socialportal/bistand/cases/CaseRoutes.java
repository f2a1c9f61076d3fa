package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.HttpParams;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.signing.SignatureReceipt;
import se.socialportal.bistand.signing.SignatureRepository;
import se.socialportal.bistand.signing.SignerRole;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.platform.http.JsonFields;

import java.time.Clock;
import java.util.UUID;

/** Mina sidor's API: the resident's cases, one case, messages, komplettering answers, withdrawal, decision letters. */
public final class CaseRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/cases";

  private final SessionAccess sessions;
  private final Pool pool;
  private final CaseService cases;
  private final MessageThread messages;
  private final Komplettering komplettering;
  private final DecisionsAndPayments decisions;
  private final Clock clock;

  public CaseRoutes(SessionAccess sessions, Pool pool, CaseService cases, MessageThread messages,
                    Komplettering komplettering, DecisionsAndPayments decisions, Clock clock) {
    this.sessions = sessions;
    this.pool = pool;
    this.cases = cases;
    this.messages = messages;
    this.komplettering = komplettering;
    this.decisions = decisions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(sessions::load).handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, cases.list(SessionAccess.resident(ctx))));
    router.get(BASE + "/:id").handler(sessions::load).handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, cases.get(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"))));
    router.post(BASE + "/:id/messages").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::message);
    router.post(BASE + "/:id/kompletteringar/:requestId/answer").handler(sessions::load)
      .handler(sessions::requireResident).handler(this::answer);
    router.post(BASE + "/:id/withdraw").handler(sessions::load).handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, cases.withdraw(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"))));
    router.get(BASE + "/:id/letters/:letterId").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::letter);
    router.get(BASE + "/:id/receipts/:role").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::receipt);
  }

  private void message(RoutingContext ctx) {
    JsonObject body = HttpParams.body(ctx);
    var session = SessionAccess.resident(ctx);
    messages.post(session, HttpParams.id(ctx, "id"), JsonFields.optionalText(body, "body"),
      Komplettering.ids(JsonFields.array(body, "attachmentIds"))).onComplete(result -> {
        if (result.succeeded()) {
          Responses.created(ctx, result.result());
        } else {
          ctx.fail(result.cause());
        }
      });
  }

  private void answer(RoutingContext ctx) {
    JsonObject body = HttpParams.body(ctx);
    Responses.reply(ctx, komplettering.answer(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"),
      HttpParams.id(ctx, "requestId"), JsonFields.optionalText(body, "text"),
      Komplettering.ids(JsonFields.array(body, "attachmentIds"))));
  }

  /**
   * The receipt of one signature (the applicant's or the co-applicant's) as a PDF, for the household only: what the
   * BankID app showed, the evidence, and the content signed. Every download is audit-logged.
   */
  private void receipt(RoutingContext ctx) {
    var session = SessionAccess.resident(ctx);
    UUID id = HttpParams.id(ctx, "id");
    String role = ctx.pathParam("role");
    if (!SignerRole.APPLICANT.code().equals(role) && !SignerRole.CO_APPLICANT.code().equals(role)) {
      ctx.fail(ApiException.notFound());
      return;
    }
    ApplicationRepository.findVisible(pool, id, session.tenantId(), session.residentId())
      .compose(found -> {
        var application = found.orElseThrow(ApiException::notFound);
        return SignatureRepository.signed(pool, id, role).compose(signed -> {
          var signature = signed.orElseThrow(ApiException::notFound);
          var person = new PersonRepository(pool).find(signature.signature().personId());
          var attachments = AttachmentRepository.list(pool, id);
          return Future.all(person, attachments)
            .compose(both -> AuditLog.record(pool, AuditEntry.by(session, "signature_receipt.read",
              application.applicantId(), id, RequestIds.of(ctx)).withDetail(new JsonObject().put("role", role)),
              clock.instant()))
            .compose(v -> ctx.vertx().executeBlocking(() -> SignatureReceipt.pdf(application, signature,
              person.result().map(PersonRepository.Person::displayName).orElse(""),
              attachments.result().stream().filter(a -> "application".equals(a.purpose()))
                .filter(a -> !a.createdAt().isAfter(signature.signature().signedAt()))
                .map(AttachmentRepository.Attachment::fileName).toList())));
        });
      })
      .onSuccess(pdf -> ctx.response()
        .putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"kvitto.pdf\"")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .end(Buffer.buffer(pdf)))
      .onFailure(ctx::fail);
  }

  /** A decision letter as a PDF download, for the household only; every download is audit-logged. */
  private void letter(RoutingContext ctx) {
    var session = SessionAccess.resident(ctx);
    UUID id = HttpParams.id(ctx, "id");
    UUID letterId = HttpParams.id(ctx, "letterId");
    ApplicationRepository.findVisible(pool, id, session.tenantId(), session.residentId())
      .compose(found -> {
        var application = found.orElseThrow(ApiException::notFound);
        return decisions.letter(pool, id, session.tenantId(), letterId).compose(pdf -> {
          if (pdf.isEmpty()) {
            return Future.failedFuture(ApiException.notFound());
          }
          return AuditLog.record(pool, AuditEntry.by(session, "decision_letter.read", application.applicantId(), id,
            RequestIds.of(ctx)).withDetail(new JsonObject().put("letterId", letterId.toString())), clock.instant())
            .map(pdf.get());
        });
      })
      .onSuccess(pdf -> ctx.response()
        .putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"beslut.pdf\"")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .end(pdf))
      .onFailure(ctx::fail);
  }
}
