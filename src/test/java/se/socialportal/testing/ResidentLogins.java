package se.socialportal.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Drives a resident login through the app exactly as a browser and a phone would: the page starts the order, the
 * "phone" (the BankID simulator's test-control API) opens it with the autostart token and approves it as a test
 * identity, the page collects until it has a session.
 */
public final class ResidentLogins {

  private ResidentLogins() {
  }

  /** Logs the browser in as the simulator's test identity (e.g. "tolvan"); returns the session JSON. */
  public static JsonObject login(Browser browser, String identityId) {
    JsonObject order = start(browser, "same");
    String orderRef = open(browser, order);
    approve(browser, orderRef, identityId);
    JsonObject collected = browser.post(collectPath(order), new JsonObject()).bodyAsJsonObject();
    if (!"complete".equals(collected.getString("status"))) {
      throw new AssertionError("login did not complete: " + collected);
    }
    JsonObject session = browser.get("/api/v1/session").bodyAsJsonObject();
    browser.csrf(session.getString("csrfToken"));
    return session;
  }

  public static JsonObject start(Browser browser, String device) {
    HttpResponse<Buffer> started = browser.post("/api/v1/login", new JsonObject().put("device", device));
    if (started.statusCode() != 201) {
      throw new AssertionError("login start failed: " + started.statusCode() + " " + started.bodyAsString());
    }
    return started.bodyAsJsonObject();
  }

  /** Opens the order on the simulated phone; returns BankID's orderRef. */
  public static String open(Browser browser, JsonObject order) {
    HttpResponse<Buffer> opened = browser.post("/bankid-simulator/api/orders/open",
      new JsonObject().put("autoStartToken", autoStartToken(order)));
    if (opened.statusCode() != 200) {
      throw new AssertionError("simulator could not open the order: " + opened.bodyAsString());
    }
    return opened.bodyAsJsonObject().getString("orderRef");
  }

  public static void approve(Browser browser, String orderRef, String identityId) {
    HttpResponse<Buffer> done = browser.post("/bankid-simulator/api/orders/" + orderRef + "/complete",
      new JsonObject().put("identityId", identityId));
    if (done.statusCode() != 200) {
      throw new AssertionError("simulator could not complete: " + done.bodyAsString());
    }
  }

  public static String collectPath(JsonObject order) {
    return "/api/v1/bankid/orders/" + order.getString("orderId") + "/collect";
  }

  static String autoStartToken(JsonObject order) {
    String url = order.getString("autoStartUrl");
    String query = url.substring(url.indexOf('?') + 1);
    for (String pair : query.split("&")) {
      if (pair.startsWith("autostarttoken=")) {
        return URLDecoder.decode(pair.substring("autostarttoken=".length()), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no autostarttoken in " + url);
  }
}
