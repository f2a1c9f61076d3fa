package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.ClientAddress;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.tenant.TenantResolver;

import java.util.Locale;
import java.util.UUID;

/**
 * Resident login with BankID, and the endpoints every BankID order (login or signing) is followed through:
 * the QR frame, collect and cancel. Only the browser that started an order can follow it; any other gets 404.
 */
public final class BankIdOrderRoutes implements RoutesModule {

  private final BankIdOrders orders;
  private final BankIdBrowsers browsers;
  private final SessionAccess sessions;
  private final RateLimiter loginLimiter;
  private final ClientAddress clientAddress;
  private final TenantResolver tenants;

  public BankIdOrderRoutes(BankIdOrders orders, BankIdBrowsers browsers, SessionAccess sessions,
                           RateLimiter loginLimiter, ClientAddress clientAddress, TenantResolver tenants) {
    this.orders = orders;
    this.browsers = browsers;
    this.sessions = sessions;
    this.loginLimiter = loginLimiter;
    this.clientAddress = clientAddress;
    this.tenants = tenants;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/login").handler(this::startLogin);
    router.get("/api/v1/bankid/orders/:orderId/qr").handler(this::qr);
    router.post("/api/v1/bankid/orders/:orderId/collect").handler(this::collect);
    router.post("/api/v1/bankid/orders/:orderId/cancel").handler(this::cancel);
  }

  private void startLogin(RoutingContext ctx) {
    // JSON only: a cross-site form post cannot send application/json, so another site cannot start a login in the
    // resident's browser (login CSRF).
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      ctx.fail(ApiException.of(415, "unsupported_media_type"));
      return;
    }
    JsonObject body = ctx.body().asJsonObject();
    String device = body == null ? null : body.getString("device");
    if (!"same".equals(device) && !"other".equals(device)) {
      ctx.fail(ApiException.invalid("device", "bankid_device"));
      return;
    }
    loginLimiter.check(clientAddress.of(ctx))
      .compose(v -> orders.startLogin(browsers.caller(ctx), tenants.tenantOf(ctx), "same".equals(device)))
      .onSuccess(started -> {
        browsers.bind(ctx, started.binding());
        Responses.created(ctx, started.toJson());
      })
      .onFailure(failure -> ctx.fail(translate(failure)));
  }

  private void qr(RoutingContext ctx) {
    orderId(ctx).compose(id -> orders.qrFrame(id, BankIdBrowsers.binding(ctx, id), Messages.language(ctx)))
      .onSuccess(svg -> ctx.response()
        .putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "no-store")
        .end(svg))
      .onFailure(ctx::fail);
  }

  private void collect(RoutingContext ctx) {
    Responses.reply(ctx, orderId(ctx).compose(id -> orders.collect(id, BankIdBrowsers.binding(ctx, id),
      Messages.language(ctx))).map(progress -> {
        // A login replaces whatever session the browser had (never reuse one from before authentication).
        progress.newSession().ifPresent(token -> {
          sessions.store().end(sessions.cookies().read(ctx), "replaced");
          sessions.cookies().set(ctx, token);
        });
        return progress.toJson();
      }));
  }

  private void cancel(RoutingContext ctx) {
    orderId(ctx).compose(id -> orders.cancel(id, BankIdBrowsers.binding(ctx, id)))
      .onSuccess(v -> Responses.noContent(ctx))
      .onFailure(ctx::fail);
  }

  private static Future<UUID> orderId(RoutingContext ctx) {
    try {
      return Future.succeededFuture(UUID.fromString(ctx.pathParam("orderId")));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ApiException.notFound());
    }
  }

  /** BankID's refusals in the words BankID recommends (RFA), as an error body the page can show. */
  static Throwable translate(Throwable failure) {
    if (!(failure instanceof BankIdException)) {
      return failure;
    }
    BankIdException bankId = (BankIdException) failure;
    if (bankId.errorCode() == ErrorCode.ALREADY_IN_PROGRESS) {
      return ApiException.conflict("bankid_already_in_progress");
    }
    return ApiException.of(503, "bankid_unavailable");
  }

}
