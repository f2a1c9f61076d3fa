package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.casework.decision.AterkravService;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The handläggare's API under /api/v1/casework: thin handlers that parse, call a service and answer. */
public final class CaseworkRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/casework";

  private final SessionAccess sessions;
  private final QueueQuery queue;
  private final CaseView view;
  private final CaseActions actions;
  private final DecisionService decisions;
  private final AterkravService aterkrav;
  private final StaffDirectory staff;
  private final CaseCommunication communication;
  private final PaperRegistration registration;
  private final CaseLetters letters;
  private final Casework casework;
  private final java.time.Clock clock;
  private final AccessRefusals refusals;

  public CaseworkRoutes(SessionAccess sessions, QueueQuery queue, CaseView view, CaseActions actions,
                        DecisionService decisions, AterkravService aterkrav, StaffDirectory staff,
                        CaseCommunication communication, PaperRegistration registration, CaseLetters letters,
                        Casework casework, java.time.Clock clock, AccessRefusals refusals) {
    this.sessions = sessions;
    this.queue = queue;
    this.view = view;
    this.actions = actions;
    this.decisions = decisions;
    this.aterkrav = aterkrav;
    this.staff = staff;
    this.communication = communication;
    this.registration = registration;
    this.letters = letters;
    this.casework = casework;
    this.clock = clock;
    this.refusals = refusals;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "/*").handler(sessions::load).handler(sessions::requireStaff);
    // A 404 for an existing case that is not the caller's to see is a refused access: loggkontroll shows it.
    router.route(BASE + "/cases/:id").failureHandler(ctx -> refusals.onFailure(ctx, false));
    router.route(BASE + "/cases/:id/*").failureHandler(ctx -> refusals.onFailure(ctx, false));
    router.route(BASE + "/letters/:id/pdf").failureHandler(ctx -> refusals.onFailure(ctx, true));
    router.get(BASE + "/queue").handler(ctx -> {
      Map<String, String> params = new HashMap<>();
      ctx.queryParams().forEach(params::put);
      Responses.reply(ctx, Future.succeededFuture().compose(v -> queue.list(me(ctx), QueueQuery.Filter.of(params), rid(ctx))));
    });
    router.get(BASE + "/cases/:id").handler(ctx -> Responses.reply(ctx, view.read(me(ctx), id(ctx), rid(ctx))));
    router.post(BASE + "/cases/:id/claim").handler(ctx -> Responses.reply(ctx, actions.claim(me(ctx), id(ctx), rid(ctx))));
    router.post(BASE + "/cases/:id/assign").handler(ctx -> Responses.reply(ctx, actions.reassign(me(ctx), id(ctx),
      Optional.ofNullable(JsonFields.optionalText(body(ctx), "staffId")).map(CaseworkRoutes::uuidField), rid(ctx))));
    router.post(BASE + "/cases/:id/access").handler(ctx -> Responses.reply(ctx, actions.grantAccess(me(ctx), id(ctx),
      uuidField(JsonFields.optionalText(body(ctx), "staffId")), rid(ctx))));
    router.post(BASE + "/cases/:id/warnings/:warningId/acknowledge").handler(ctx -> Responses.reply(ctx,
      actions.acknowledgeWarning(me(ctx), id(ctx), uuidParam(ctx, "warningId"), body(ctx), rid(ctx))));
    router.post(BASE + "/cases/:id/adjustments").handler(ctx -> Responses.reply(ctx,
      actions.adjust(me(ctx), id(ctx), body(ctx), rid(ctx))));
    router.post(BASE + "/cases/:id/approve").handler(ctx -> {
      JsonObject body = body(ctx);
      Responses.reply(ctx, Future.succeededFuture().compose(v -> decisions.approve(me(ctx), id(ctx),
        uuidField(JsonFields.optionalText(body, "proposalId")), JsonFields.optionalText(body, "motivering"),
        flag(body, "referBeyondDelegation"), JsonFields.optionalText(body, "note"), rid(ctx))));
    });
    router.post(BASE + "/cases/:id/calculation").handler(ctx -> Responses.reply(ctx,
      casework.calculation().calculate(me(ctx), id(ctx), rid(ctx))));
    router.get(BASE + "/referrals").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> casework.referrals().waiting(me(ctx)))));
    router.post(BASE + "/referrals/:id/decide").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> casework.referrals().decide(me(ctx), id(ctx), body(ctx), rid(ctx)))));
    router.post(BASE + "/cases/:id/reject").handler(ctx -> {
      JsonObject body = body(ctx);
      Responses.reply(ctx, decisions.reject(me(ctx), id(ctx), uuidField(JsonFields.optionalText(body, "proposalId")),
        JsonFields.optionalText(body, "templateId"), JsonFields.optionalText(body, "motivering"), rid(ctx)));
    });
    router.post(BASE + "/cases/:id/close").handler(ctx -> Responses.reply(ctx,
      decisions.closeWithoutAction(me(ctx), id(ctx), JsonFields.optionalText(body(ctx), "motivering"), rid(ctx))));
    router.post(BASE + "/cases/:id/aterkrav").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> aterkrav.start(me(ctx), id(ctx), body(ctx), rid(ctx)))));
    router.post(BASE + "/aterkrav/:id/eftergift").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> aterkrav.eftergift(me(ctx), id(ctx), body(ctx), rid(ctx)))));
    router.post(BASE + "/cases/:id/komplettering").handler(ctx -> Responses.reply(ctx,
      communication.requestKomplettering(me(ctx), id(ctx), body(ctx), rid(ctx))));
    router.post(BASE + "/cases/:id/messages").handler(ctx -> Responses.reply(ctx,
      communication.sendMessage(me(ctx), id(ctx), body(ctx), rid(ctx))));
    router.get(BASE + "/cases/:id/attachments/:attachmentId").handler(ctx -> communication
      .attachment(me(ctx), id(ctx), uuidParam(ctx, "attachmentId"), rid(ctx))
      .compose(file -> ctx.response().putHeader("Content-Type", file.mediaType())
        .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file.file().toString()))
      .onFailure(ctx::fail));
    router.post(BASE + "/registrations").handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> registration.register(me(ctx), body(ctx), rid(ctx)))));
    router.get(BASE + "/templates").handler(ctx -> {
      JsonArray templates = new JsonArray();
      java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Stockholm")));
      casework.rules().templates(today).forEach(template -> templates.add(new JsonObject().put("id", template.id())
        .put("outcome", template.outcome()).put("label", template.label()).put("legalBasis", template.legalBasis())
        .put("text", template.text())));
      Responses.ok(ctx, new JsonObject().put("version", casework.rules().templatesVersion(today)).put("templates", templates));
    });
    // File names are "beslut-<date>.pdf": never a personnummer or a name.
    router.get(BASE + "/letters/:id/pdf").handler(ctx -> letters.pdf(me(ctx), id(ctx), rid(ctx))
      .onSuccess(found -> ctx.response()
        .putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "inline; filename=\"beslut-"
          + found.info().createdAt().toString().substring(0, 10) + ".pdf\"")
        .putHeader("Cache-Control", "no-store")
        .end(io.vertx.core.buffer.Buffer.buffer(found.pdf())))
      .onFailure(ctx::fail));
    router.get(BASE + "/staff").handler(ctx -> Responses.reply(ctx, staff.colleagues(me(ctx))));
    router.get(BASE + "/absences").handler(ctx -> Responses.reply(ctx, staff.absences(me(ctx))));
    router.post(BASE + "/absences").handler(ctx -> Responses.reply(ctx, staff.registerAbsence(me(ctx), body(ctx))));
  }

  static Session me(RoutingContext ctx) {
    return SessionAccess.current(ctx).filter(Session::isStaff).orElseThrow(ApiException::unauthenticated);
  }

  static String rid(RoutingContext ctx) {
    return RequestIds.of(ctx);
  }

  static UUID id(RoutingContext ctx) {
    return uuidParam(ctx, "id");
  }

  /** A malformed id in the path names nothing: 404, like an id that is not ours. */
  static UUID uuidParam(RoutingContext ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  static UUID uuidField(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid("id", "id_invalid");
    }
  }

  /** An optional boolean field: absent or null is false, anything but a boolean is 400. */
  static boolean flag(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw ApiException.invalid(field, "boolean_expected");
    }
    return Boolean.TRUE.equals(value);
  }

  static JsonObject body(RoutingContext ctx) {
    JsonObject body = ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0
      ? new JsonObject() : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }
}
