package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.signing.Cosignature;
import se.socialportal.bistand.signing.SignatureStart;
import se.socialportal.bistand.signing.SigningService;
import se.socialportal.bistand.signing.SigningSummary;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import io.vertx.core.json.JsonArray;

/**
 * The application form's API: eligibility, the draft (start, read, save, co-applicant), the full check before signing,
 * and signing by the applicant and the co-applicant. Thin: each handler reads the request and calls a service.
 */
public final class ApplicationRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/applications";

  private final SessionAccess sessions;
  private final Pool pool;
  private final DraftService drafts;
  private final SigningService signing;
  private final Cosignature cosignature;
  private final BankIdBrowsers browsers;

  public ApplicationRoutes(SessionAccess sessions, Pool pool, DraftService drafts, SigningService signing,
                           Cosignature cosignature, BankIdBrowsers browsers) {
    this.sessions = sessions;
    this.pool = pool;
    this.drafts = drafts;
    this.signing = signing;
    this.cosignature = cosignature;
    this.browsers = browsers;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE + "/eligibility").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::eligibility);
    router.post(BASE).handler(sessions::load).handler(sessions::requireResident).handler(this::create);
    router.get(BASE + "/:id").handler(sessions::load).handler(sessions::requireResident).handler(this::get);
    router.put(BASE + "/:id/content").handler(sessions::load).handler(sessions::requireResident).handler(this::save);
    router.put(BASE + "/:id/co-applicant").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::coApplicant);
    router.post(BASE + "/:id/review").handler(sessions::load).handler(sessions::requireResident).handler(this::review);
    router.post(BASE + "/:id/sign").handler(sessions::load).handler(sessions::requireResident).handler(this::sign);
    router.post(BASE + "/:id/cosign").handler(sessions::load).handler(sessions::requireResident).handler(this::cosign);
    router.post(BASE + "/:id/cosign/decline").handler(sessions::load).handler(sessions::requireResident)
      .handler(this::decline);
  }

  private void eligibility(RoutingContext ctx) {
    Responses.reply(ctx, drafts.eligibility(SessionAccess.resident(ctx), HttpParams.query(ctx, "month").orElse(null)));
  }

  private void create(RoutingContext ctx) {
    String key = HttpParams.idempotencyKey(ctx);
    drafts.create(SessionAccess.resident(ctx), HttpParams.body(ctx).getString("month"), key).onComplete(result -> {
      if (result.succeeded()) {
        Responses.created(ctx, result.result());
      } else {
        ctx.fail(result.cause());
      }
    });
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, drafts.get(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), Messages.language(ctx)));
  }

  private void save(RoutingContext ctx) {
    JsonObject body = HttpParams.body(ctx);
    Responses.reply(ctx, drafts.save(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), body.getValue("content"),
      body.getString("step"), Messages.language(ctx)));
  }

  private void coApplicant(RoutingContext ctx) {
    Responses.reply(ctx, drafts.setCoApplicant(SessionAccess.resident(ctx), HttpParams.id(ctx, "id"),
      HttpParams.body(ctx).getValue("personnummer"), Messages.language(ctx)));
  }

  private void review(RoutingContext ctx) {
    var session = SessionAccess.resident(ctx);
    Responses.reply(ctx, drafts.review(pool, session, HttpParams.id(ctx, "id")).compose(application ->
      drafts.requirements(pool, application).map(requirements -> new JsonObject()
        .put("id", application.id().toString()).put("month", application.month().toString())
        .put("ready", true)
        .put("totals", SigningSummary.totals(application.content()).toJson())
        .put("signingText", SigningSummary.markdown(application.month(), application.content(), "applicant"))
        .put("requiredAttachments", new JsonArray(requirements.required().stream()
          .map(requirement -> requirement.toJson()).toList())))));
  }

  private void sign(RoutingContext ctx) {
    String key = HttpParams.idempotencyKey(ctx);
    Responses.reply(ctx, signing.startApplicantSign(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx),
      SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), key).map(started -> answer(ctx, started)));
  }

  private void cosign(RoutingContext ctx) {
    String key = HttpParams.idempotencyKey(ctx);
    Responses.reply(ctx, signing.startCoApplicantSign(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx),
      SessionAccess.resident(ctx), HttpParams.id(ctx, "id"), key).map(started -> answer(ctx, started)));
  }

  /** The order to follow; a new order's binding goes to this browser (a repeated request's is already there). */
  private JsonObject answer(RoutingContext ctx, SignatureStart started) {
    started.binding().ifPresent(binding -> browsers.bind(ctx, binding));
    return started.toJson();
  }

  private void decline(RoutingContext ctx) {
    Responses.reply(ctx, cosignature.decline(SessionAccess.resident(ctx), HttpParams.id(ctx, "id")));
  }
}
