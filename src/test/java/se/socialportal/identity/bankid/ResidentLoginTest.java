package se.socialportal.identity.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.TestApp;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Resident login with BankID over HTTP, through the simulator")
class ResidentLoginTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("residentlogin", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "1000"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("same device: the phone approves, collect completes, a session with the resident's name exists")
  void sameDeviceLogin() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "same");
    assertTrue(order.getString("autoStartUrl").startsWith("bankid:///?autostarttoken="), order.encode());
    assertTrue(order.getString("simulatorUrl").contains("/bankid-simulator/?autostarttoken="), "demo mode offers the simulator");
    assertNull(order.getString("qrStartSecret"), "the QR secret never reaches the browser");
    ResidentLogins.approve(browser, ResidentLogins.open(browser, order), "tolvan");
    JsonObject done = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", done.getString("status"));
    assertEquals("/mina-sidor/", done.getString("redirect"));
    JsonObject session = browser.get("/api/v1/session").bodyAsJsonObject();
    assertEquals(true, session.getBoolean("authenticated"));
    assertEquals("Tolvan Tolvansson", session.getString("name"));
    assertEquals(-1, session.encode().indexOf("191212121212"), "the session answer has no personnummer");
  }

  @Test
  @DisplayName("other device: an animated QR frame is served as SVG and changes as time passes; pending shows RFA text")
  void otherDeviceShowsQrAndStatus() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "other");
    HttpResponse<Buffer> qr = browser.get("/api/v1/bankid/orders/" + order.getString("orderId") + "/qr");
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.getHeader("Content-Type"));
    assertEquals("no-store", qr.getHeader("Cache-Control"));
    assertTrue(qr.bodyAsString().startsWith("<svg"));
    JsonObject pending = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("pending", pending.getString("status"));
    assertNotNull(pending.getString("message"));
  }

  @Test
  @DisplayName("a second browser can neither collect, see the QR code of, nor cancel someone else's order")
  void orderIsBoundToItsBrowser() {
    Browser owner = new Browser(app);
    Browser intruder = new Browser(app);
    intruder.post("/api/v1/login", new JsonObject().put("device", "other"));
    JsonObject order = ResidentLogins.start(owner, "same");
    String id = order.getString("orderId");
    ResidentLogins.approve(owner, ResidentLogins.open(owner, order), "testa");
    assertEquals(404, intruder.post("/api/v1/bankid/orders/" + id + "/collect", new JsonObject()).statusCode());
    assertEquals(404, intruder.get("/api/v1/bankid/orders/" + id + "/qr").statusCode());
    assertEquals(404, intruder.post("/api/v1/bankid/orders/" + id + "/cancel", new JsonObject()).statusCode());
    assertEquals(false, intruder.get("/api/v1/session").bodyAsJsonObject().getBoolean("authenticated"));
    assertEquals("complete", owner.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject()
      .getString("status"), "the owner's login still completes");
  }

  @Test
  @DisplayName("a completed order is used once: collecting again makes no second session")
  void completedOnce() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "same");
    ResidentLogins.approve(browser, ResidentLogins.open(browser, order), "demo");
    browser.post(ResidentLogins.collectPath(order), new JsonObject());
    String firstSession = browser.cookie("sp_session");
    HttpResponse<Buffer> again = browser.post(ResidentLogins.collectPath(order), new JsonObject());
    assertEquals("complete", again.bodyAsJsonObject().getString("status"));
    assertNull(again.getHeader("Set-Cookie"), "no new session cookie");
    assertEquals(firstSession, browser.cookie("sp_session"));
    assertEquals(1L, count("SELECT count(*) FROM user_session s JOIN person p ON p.id = s.person_id "
      + "WHERE p.given_name = 'Demo'"));
  }

  @Test
  @DisplayName("the resident cancels in the app: failed with RFA6, and a new login can start")
  void userCancelThenRestart() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "other");
    String orderRef = ResidentLogins.open(browser, order);
    browser.post("/bankid-simulator/api/orders/" + orderRef + "/cancel", new JsonObject());
    JsonObject failed = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("failed", failed.getString("status"));
    assertEquals("Åtgärden avbruten.", failed.getString("message"));
    JsonObject again = ResidentLogins.start(browser, "other");
    assertNotEquals(order.getString("orderId"), again.getString("orderId"));
  }

  @Test
  @DisplayName("an expired order fails with RFA8 and can be restarted")
  void expired() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "other");
    String orderRef = ResidentLogins.open(browser, order);
    browser.post("/bankid-simulator/api/orders/" + orderRef + "/fail", new JsonObject().put("hintCode", "expiredTransaction"));
    JsonObject failed = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("failed", failed.getString("status"));
    assertTrue(failed.getString("message").startsWith("BankID-appen svarar inte"), failed.encode());
    assertEquals(201, browser.post("/api/v1/login", new JsonObject().put("device", "same")).statusCode());
  }

  @Test
  @DisplayName("cancelling from the page ends the order; its status says cancelled")
  void cancelFromPage() {
    Browser browser = new Browser(app);
    JsonObject order = ResidentLogins.start(browser, "other");
    assertEquals(204, browser.post("/api/v1/bankid/orders/" + order.getString("orderId") + "/cancel",
      new JsonObject()).statusCode());
    JsonObject state = browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("cancelled", state.getString("status"));
  }

  @Test
  @DisplayName("bad input: malformed JSON, a missing device, a form post, an unknown or malformed order id")
  void badInput() throws Exception {
    Browser browser = new Browser(app);
    HttpResponse<Buffer> malformed = app.client().post("/api/v1/login").putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer("{\"device\":")).await(10, TimeUnit.SECONDS);
    assertEquals(400, malformed.statusCode());
    assertEquals("malformed_json", malformed.bodyAsJsonObject().getString("error"));
    HttpResponse<Buffer> noDevice = browser.post("/api/v1/login", new JsonObject());
    assertEquals(400, noDevice.statusCode());
    assertEquals("device", noDevice.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("field"));
    HttpResponse<Buffer> form = app.client().post("/api/v1/login")
      .putHeader("Content-Type", "application/x-www-form-urlencoded").sendBuffer(Buffer.buffer("device=same"))
      .await(10, TimeUnit.SECONDS);
    assertEquals(415, form.statusCode(), "a cross-site form cannot start a login");
    assertEquals(404, browser.post("/api/v1/bankid/orders/00000000-0000-0000-0000-000000000000/collect",
      new JsonObject()).statusCode());
    assertEquals(404, browser.post("/api/v1/bankid/orders/not-a-uuid/collect", new JsonObject()).statusCode());
  }

  @Test
  @DisplayName("logout needs the CSRF token and ends the session")
  void logout() {
    Browser browser = new Browser(app);
    JsonObject session = ResidentLogins.login(browser, "ylva");
    assertEquals(true, session.getBoolean("authenticated"));
    assertEquals(403, browser.csrf(null).post("/api/v1/logout", new JsonObject()).statusCode());
    assertEquals(204, browser.csrf(session.getString("csrfToken")).post("/api/v1/logout", new JsonObject()).statusCode());
    assertEquals(false, browser.get("/api/v1/session").bodyAsJsonObject().getBoolean("authenticated"));
  }

  private static long count(String sql) {
    try {
      return app.services().pool().query(sql).execute().await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
