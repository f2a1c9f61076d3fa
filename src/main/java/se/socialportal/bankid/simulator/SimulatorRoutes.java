package se.socialportal.bankid.simulator;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The phone page and the test-control API, for browsers and tests on the app's own port:
 *
 * <pre>
 * GET  /bankid-simulator/                               the phone page (?autostarttoken= prefills it)
 * GET  /bankid-simulator/api/identities                 the test identities
 * POST /bankid-simulator/api/orders/open                {qrData} | {autoStartToken} | {identityId} (phone orders)
 * GET  /bankid-simulator/api/orders/{orderRef}          the order as the app sees it
 * POST /bankid-simulator/api/orders/{orderRef}/complete {identityId}: approve in the app
 * POST /bankid-simulator/api/orders/{orderRef}/cancel   the user cancels in the app (userCancel)
 * POST /bankid-simulator/api/orders/{orderRef}/fail     {hintCode}: e.g. certificateErr, startFailed
 * POST /bankid-simulator/api/orders/{orderRef}/progress {hintCode}: e.g. userSign, started, userMrtd
 * </pre>
 *
 * Errors are {@code {"error": code, "message": Swedish text}}. POSTs must be JSON, which a cross-site form cannot
 * send without a preflight.
 */
final class SimulatorRoutes {

  static final String BASE_PATH = "/bankid-simulator";

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorRoutes.class);
  private static final String API = BASE_PATH + "/api";
  private static final Pattern HINT_CODE = Pattern.compile("[A-Za-z]{1,40}");

  private final BankIdSimulator simulator;
  private final PhonePageFiles files;

  SimulatorRoutes(BankIdSimulator simulator, PhonePageFiles files) {
    this.simulator = simulator;
    this.files = files;
  }

  void mount(Router router) {
    router.getWithRegex(Pattern.quote(BASE_PATH) + "/?").handler(this::page);
    router.get(BASE_PATH + "/phone.js").handler(ctx -> file(ctx, files.script(), "text/javascript; charset=utf-8"));
    router.get(BASE_PATH + "/phone.css").handler(ctx -> file(ctx, files.stylesheet(), "text/css; charset=utf-8"));
    router.route(API + "/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.get(API + "/identities").handler(ctx -> reply(ctx, () -> Future.succeededFuture(identities())));
    router.post(API + "/orders/open").handler(ctx -> post(ctx, body -> Future.succeededFuture(open(body))));
    router.get(API + "/orders/:orderRef").handler(ctx -> reply(ctx, () -> Future.succeededFuture(
      simulator.order(ctx.pathParam("orderRef")).orElseThrow(SimulatorRoutes::orderNotFound).controlJson())));
    router.post(API + "/orders/:orderRef/complete").handler(ctx -> post(ctx, body ->
      simulator.complete(ctx.pathParam("orderRef"), body.getString("identityId"),
        ctx.request().remoteAddress().hostAddress()).map(Order::controlJson)));
    router.post(API + "/orders/:orderRef/cancel").handler(ctx -> post(ctx, body ->
      Future.succeededFuture(simulator.fail(ctx.pathParam("orderRef"), "userCancel").controlJson())));
    router.post(API + "/orders/:orderRef/fail").handler(ctx -> post(ctx, body ->
      Future.succeededFuture(simulator.fail(ctx.pathParam("orderRef"), hintCode(body)).controlJson())));
    router.post(API + "/orders/:orderRef/progress").handler(ctx -> post(ctx, body ->
      Future.succeededFuture(simulator.progress(ctx.pathParam("orderRef"), hintCode(body)).controlJson())));
    router.route(API + "/*").handler(ctx -> error(ctx, new SimulatorException(404, "notFound",
      "Det finns ingen sådan funktion i simulatorn.")));
  }

  private void page(RoutingContext ctx) {
    if (!ctx.request().path().endsWith("/")) {
      String query = ctx.request().query();
      ctx.redirect(BASE_PATH + "/" + (query == null ? "" : "?" + query));
      return;
    }
    file(ctx, files.html(), "text/html; charset=utf-8");
  }

  private JsonObject identities() {
    JsonArray list = new JsonArray();
    simulator.identities().forEach(identity -> list.add(identity.toJson()));
    return new JsonObject().put("identities", list);
  }

  private JsonObject open(JsonObject body) {
    if (body.getValue("qrData") instanceof String qrData) {
      return simulator.openByQr(qrData).controlJson();
    }
    if (body.getValue("autoStartToken") instanceof String token) {
      return simulator.openByAutoStartToken(token).controlJson();
    }
    if (body.getValue("identityId") instanceof String identityId) {
      return simulator.openPhoneOrder(identityId).controlJson();
    }
    throw new SimulatorException(400, "badRequest", "Ange QR-kodens innehåll, en autostarttoken eller en testperson.");
  }

  private static String hintCode(JsonObject body) {
    Object hint = body.getValue("hintCode");
    if (!(hint instanceof String text) || !HINT_CODE.matcher(text).matches()) {
      throw new SimulatorException(400, "badRequest", "hintCode ska vara en kod som userSign eller certificateErr.");
    }
    return text;
  }

  private static SimulatorException orderNotFound() {
    return new SimulatorException(404, "notFound", "Beställningen finns inte (längre).");
  }

  private void post(RoutingContext ctx, Function<JsonObject, Future<JsonObject>> action) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      error(ctx, new SimulatorException(415, "unsupportedMediaType", "Skicka JSON (Content-Type: application/json)."));
      return;
    }
    JsonObject body;
    try {
      Buffer raw = ctx.body().buffer();
      body = raw == null || raw.length() == 0 ? new JsonObject() : raw.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      error(ctx, new SimulatorException(400, "badRequest", "Kroppen är inte ett JSON-objekt."));
      return;
    }
    JsonObject parsed = body;
    reply(ctx, () -> action.apply(parsed));
  }

  /** Runs the action so that a refusal it throws becomes an error answer, never the app's generic 500 page. */
  private void reply(RoutingContext ctx, Supplier<Future<JsonObject>> action) {
    Future.<Void>succeededFuture().compose(ignored -> action.get()).onSuccess(json -> ctx.response().setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(json.toBuffer()))
      .onFailure(failure -> error(ctx, failure));
  }

  private static void file(RoutingContext ctx, Buffer content, String type) {
    ctx.response().putHeader("Content-Type", type).putHeader("Cache-Control", "no-store").end(content);
  }

  private static void error(RoutingContext ctx, Throwable failure) {
    SimulatorException refusal;
    if (failure instanceof SimulatorException known) {
      refusal = known;
    } else {
      LOG.error("BankID simulator control API failed", failure);
      refusal = new SimulatorException(500, "internalError", "Internt fel i simulatorn.");
    }
    ctx.response().setStatusCode(refusal.status())
      .putHeader("Content-Type", "application/json")
      .putHeader("Cache-Control", "no-store")
      .end(new JsonObject().put("error", refusal.code()).put("message", refusal.getMessage()).toBuffer());
  }
}
