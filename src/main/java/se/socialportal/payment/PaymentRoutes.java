package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The payment room's API under /api/v1/payments: the resident's account and payments, the attestant's list and attest,
 * a case's payments for the handläggare, alerts, ej verkställda beslut and attest limits. Thin handlers.
 */
public final class PaymentRoutes implements RoutesModule {

  private static final String BASE = "/api/v1/payments";
  private static final Set<String> CASE_ROLES = Set.of("handlaggare", "socialsekreterare", "gruppledare", "enhetschef",
    "utskott");

  private final SessionAccess sessions;
  private final Payments payments;
  private final BankIdBrowsers browsers;
  private final Clock clock;

  public PaymentRoutes(SessionAccess sessions, BankIdBrowsers browsers, Payments payments, Clock clock) {
    this.sessions = sessions;
    this.browsers = browsers;
    this.payments = payments;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.route(BASE + "/*").handler(sessions::load);
    // The resident's own.
    router.get(BASE + "/account").handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, payments.accounts().mine(SessionAccess.resident(ctx))));
    router.post(BASE + "/account").handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, Future.succeededFuture().compose(v ->
        payments.accounts().start(browsers.caller(ctx), BankIdBrowsers.sameDevice(ctx), SessionAccess.resident(ctx),
          body(ctx)).map(started -> {
            browsers.bind(ctx, started.order().binding());
            return started.toJson();
          }))));
    router.get(BASE + "/mine").handler(sessions::requireResident)
      .handler(ctx -> Responses.reply(ctx, payments.resident().mine(SessionAccess.resident(ctx))));
    // Staff.
    router.get(BASE + "/attest").handler(sessions::requireStaff)
      .handler(ctx -> Responses.reply(ctx, Future.succeededFuture().compose(v -> payments.attest().list(staff(ctx),
        RequestIds.of(ctx)))));
    router.post(BASE + "/attest").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> {
        JsonObject body = body(ctx);
        return payments.attest().attest(staff(ctx), ids(JsonFields.array(body, "paymentIds")),
          amount(JsonFields.optionalText(body, "total")), RequestIds.of(ctx));
      })));
    router.get(BASE + "/cases/:applicationId").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> payments.cases().read(staff(ctx), uuid(ctx, "applicationId"),
        Messages.language(ctx), RequestIds.of(ctx)))));
    router.post(BASE + "/:id/account-check").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> payments.cases().checkAccount(staff(ctx), uuid(ctx, "id"),
        RequestIds.of(ctx)))));
    router.post(BASE + "/:id/manual").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> {
        JsonObject body = body(ctx);
        return payments.cases().recordManual(staff(ctx), uuid(ctx, "id"), JsonFields.optionalText(body, "method"),
          JsonFields.optionalText(body, "note"), RequestIds.of(ctx));
      })));
    router.get(BASE + "/alerts").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> PaymentAlerts.open(payments.pool(), staff(ctx), audience(staff(ctx))))));
    router.post(BASE + "/alerts/:id/acknowledge").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> PaymentAlerts.acknowledge(payments.pool(), staff(ctx),
        audience(staff(ctx)), uuid(ctx, "id"), clock.instant()).map(done -> new JsonObject().put("acknowledged", true)))));
    router.get(BASE + "/ej-verkstallda").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> payments.ejVerkstallda().list(staff(ctx), RequestIds.of(ctx)))));
    router.get(BASE + "/attest-limits").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> payments.limits().list(staff(ctx)))));
    router.post(BASE + "/attest-limits").handler(sessions::requireStaff).handler(ctx -> Responses.reply(ctx,
      Future.succeededFuture().compose(v -> {
        JsonObject body = body(ctx);
        return payments.limits().set(staff(ctx), JsonFields.optionalText(body, "subject"),
          amountField(JsonFields.optionalText(body, "maxAmount"), "maxAmount"));
      })));
  }

  /** Handläggare read their cases' alerts, administrators the files' and batches'. */
  private static String audience(Session session) {
    if (session.hasRole("admin")) {
      return "admin";
    }
    if (session.roles().stream().anyMatch(CASE_ROLES::contains)) {
      return "handlaggare";
    }
    throw ApiException.forbidden("forbidden");
  }

  private static Session staff(RoutingContext ctx) {
    return SessionAccess.current(ctx).filter(Session::isStaff).orElseThrow(ApiException::unauthenticated);
  }

  private static UUID uuid(RoutingContext ctx, String name) {
    try {
      return UUID.fromString(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound();
    }
  }

  private static List<UUID> ids(JsonArray array) {
    if (array.size() > 1000) {
      throw ApiException.invalid("paymentIds", "too_many", 1000);
    }
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      try {
        ids.add(UUID.fromString((String) value));
      } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
        throw ApiException.invalid("paymentIds/" + i, "id_invalid");
      }
    }
    return ids;
  }

  /** The total the attestant confirms, as text ("12345.00"): amounts never travel as floating point. */
  private static BigDecimal amount(String text) {
    return amountField(text, "total");
  }

  private static BigDecimal amountField(String text, String field) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid(field, "amount_required");
    }
    try {
      BigDecimal value = new BigDecimal(text.strip());
      if (value.signum() < 0 || value.scale() > 2 || value.precision() > 14) {
        throw ApiException.invalid(field, "amount_invalid");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(field, "amount_invalid");
    }
  }

  private static JsonObject body(RoutingContext ctx) {
    JsonObject body = ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0
      ? new JsonObject() : ctx.body().asJsonObject();
    return body == null ? new JsonObject() : body;
  }
}
