package se.socialportal.identity.bankid;

import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.TestApp;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Login fixation through the order binding: an attacker plants a binding cookie of their choosing in the victim's
 * browser (e.g. from a sibling subdomain), the victim logs in, and the attacker collects the order with the same
 * cookie value. The server must bind orders only to values it issued.
 */
@DisplayName("A BankID order is bound to a value the server issued, never to one the browser chose")
class BankIdBindingTest {

  private static final String PLANTED = "AttackerBindingToken_0123456789abcdefghijkl";
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("bankidbinding");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("a planted sp_bankid cookie is not used: the attacker's collect is 404, the victim's completes")
  void plantedBindingIsRefused() throws Exception {
    assertEquals(43, PLANTED.length(), "the shape of a real binding token");
    Browser victim = new Browser(app);
    DefaultCookie planted = new DefaultCookie("sp_bankid", PLANTED);
    planted.setDomain("127.0.0.1");
    planted.setPath("/");
    ((WebClientSession) victim.client()).cookieStore().put(planted);

    HttpResponse<Buffer> started = victim.post("/api/v1/login", new JsonObject().put("device", "same"));
    assertEquals(201, started.statusCode());
    String issued = String.join("; ", started.cookies());
    assertFalse(issued.contains(PLANTED), "the server issues its own binding: " + issued);
    JsonObject order = started.bodyAsJsonObject();
    ResidentLogins.approve(victim, ResidentLogins.open(victim, order), "tolvan");

    HttpResponse<Buffer> attacker = app.client().post(ResidentLogins.collectPath(order))
      .putHeader("Cookie", "sp_bankid=" + PLANTED).putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer("{}")).await(20, TimeUnit.SECONDS);
    assertEquals(404, attacker.statusCode(), attacker.bodyAsString());
    assertNull(attacker.getHeader("Set-Cookie"), "no session for the attacker");

    JsonObject collected = victim.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", collected.getString("status"));
    assertNotNull(victim.get("/api/v1/session").bodyAsJsonObject().getString("csrfToken"));
  }

  @Test
  @DisplayName("two orders in one browser (two tabs) keep their own bindings")
  void twoTabs() {
    Browser browser = new Browser(app);
    JsonObject first = ResidentLogins.start(browser, "other");
    JsonObject second = ResidentLogins.start(browser, "other");
    assertEquals(200, browser.post(ResidentLogins.collectPath(first), new JsonObject()).statusCode());
    assertEquals(200, browser.post(ResidentLogins.collectPath(second), new JsonObject()).statusCode());
    assertEquals(404, new Browser(app).post(ResidentLogins.collectPath(first), new JsonObject()).statusCode(),
      "another browser cannot follow the order");
  }
}
