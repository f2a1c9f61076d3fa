package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.attachment.MultipartReceiver;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonRequests;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The appeal's API: the resident's under /api/v1/overklaganden, the staff's under /api/v1/overklagande-arenden.
 * Thin handlers that parse, call a service and answer.
 */
final class AppealRoutes implements RoutesModule {

  private static final String RESIDENT = "/api/v1/overklaganden";
  private static final String STAFF = "/api/v1/overklagande-arenden";
  private static final long MAX_REQUEST_BYTES = AttachmentStore.MAX_BYTES + 64 * 1024;

  private final SessionAccess sessions;
  private final BankIdBrowsers browsers;
  private final ResidentAppeals residents;
  private final AppealSigning signing;
  private final StaffAppeals staff;
  private final MultipartReceiver receiver;

  AppealRoutes(SessionAccess sessions, BankIdBrowsers browsers, ResidentAppeals residents, AppealSigning signing,
               StaffAppeals staff, MultipartReceiver receiver) {
    this.sessions = sessions;
    this.browsers = browsers;
    this.residents = residents;
    this.signing = signing;
    this.staff = staff;
    this.receiver = receiver;
  }

  @Override
  public void mount(Router router) {
    JsonRequests.acceptsUpload(router.post(RESIDENT + "/:id/attachments")).handler(AppealRoutes::pause)
      .handler(sessions::load).handler(sessions::requireResident).handler(this::upload);
    router.route(RESIDENT + "*").handler(sessions::load).handler(sessions::requireResident);
    router.get(RESIDENT).handler(ctx -> reply(ctx, () -> residents.overview(me(ctx), rid(ctx))));
    router.post(RESIDENT).handler(ctx -> created(ctx, () -> residents.start(me(ctx), body(ctx), rid(ctx))));
    router.get(RESIDENT + "/:id").handler(ctx -> reply(ctx, () -> residents.view(me(ctx), id(ctx, "id"), rid(ctx))));
    router.put(RESIDENT + "/:id").handler(ctx -> reply(ctx, () -> residents.save(me(ctx), id(ctx, "id"), body(ctx),
      rid(ctx))));
    router.delete(RESIDENT + "/:id/attachments/:attachmentId").handler(ctx -> residents.removeAttachment(me(ctx),
      id(ctx, "id"), id(ctx, "attachmentId")).onSuccess(v -> Responses.noContent(ctx)).onFailure(ctx::fail));
    router.post(RESIDENT + "/:id/sign").handler(ctx -> created(ctx, () -> {
      UUID id = id(ctx, "id");
      return signing.start(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx), me(ctx), id).map(started -> {
        browsers.bind(ctx, started.binding());
        return started.toJson().put("appealId", id.toString());
      });
    }));

    router.route(STAFF + "*").handler(sessions::load).handler(sessions::requireStaff);
    router.get(STAFF).handler(ctx -> reply(ctx, () -> staff.list(staffMember(ctx),
      Optional.ofNullable(ctx.queryParams().get("status")), rid(ctx))));
    router.get(STAFF + "/:id").handler(ctx -> reply(ctx, () -> staff.read(staffMember(ctx), id(ctx, "id"), rid(ctx))));
    router.get(STAFF + "/:id/attachments/:attachmentId").handler(this::download);
    router.post(STAFF + "/:id/omprovning").handler(ctx -> reply(ctx, () -> staff.omprova(staffMember(ctx),
      id(ctx, "id"), body(ctx), rid(ctx))));
    router.post(STAFF + "/:id/forward").handler(ctx -> reply(ctx, () -> staff.forward(staffMember(ctx),
      id(ctx, "id"), rid(ctx))));
  }

  /** Holds the upload's bytes until we know who sends them; never leaves a request paused after the answer. */
  private static void pause(RoutingContext ctx) {
    ctx.request().pause();
    ctx.addHeadersEndHandler(v -> {
      if (!ctx.request().isEnded()) {
        ctx.request().resume();
      }
    });
    ctx.next();
  }

  private void upload(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > MAX_REQUEST_BYTES) {
      ctx.fail(ApiException.invalid("file", "attachment_too_large", AttachmentStore.MAX_BYTES / (1024 * 1024)));
      return;
    }
    Session session;
    UUID id;
    try {
      session = me(ctx);
      id = id(ctx, "id");
    } catch (ApiException e) {
      ctx.fail(e);
      return;
    }
    receiver.receive(ctx.request()).compose(received -> residents.upload(session, id, received))
      .onSuccess(json -> Responses.created(ctx, json)).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    Future.<Void>succeededFuture().compose(v -> staff.attachment(staffMember(ctx), id(ctx, "id"),
        id(ctx, "attachmentId"), rid(ctx)))
      .compose(download -> ctx.response()
        .putHeader("Content-Type", download.attachment().mediaType())
        .putHeader("Content-Disposition", disposition(download.attachment().fileName()))
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox")
        .putHeader("Cache-Control", "no-store")
        .sendFile(download.path().toString()))
      .onFailure(ctx::fail);
  }

  private static String disposition(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static <T> void reply(RoutingContext ctx, Supplier<Future<T>> work) {
    Responses.reply(ctx, Future.<Void>succeededFuture().compose(v -> work.get()));
  }

  private static void created(RoutingContext ctx, Supplier<Future<JsonObject>> work) {
    Future.<Void>succeededFuture().compose(v -> work.get())
      .onSuccess(json -> Responses.created(ctx, json)).onFailure(ctx::fail);
  }

  private static Session me(RoutingContext ctx) {
    return SessionAccess.resident(ctx);
  }

  private static Session staffMember(RoutingContext ctx) {
    return SessionAccess.current(ctx).filter(Session::isStaff).orElseThrow(ApiException::unauthenticated);
  }

  private static String rid(RoutingContext ctx) {
    return RequestIds.of(ctx);
  }

  private static JsonObject body(RoutingContext ctx) {
    JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }

  private static UUID id(RoutingContext ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.notFound();
    }
  }
}
