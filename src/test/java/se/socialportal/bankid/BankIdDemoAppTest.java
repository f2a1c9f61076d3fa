package se.socialportal.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Demo mode runs the BankID simulator; its phone page is served under /bankid-simulator/ (demo only)")
class BankIdDemoAppTest {

  private static TestApp app;
  private static WebClient client;

  @BeforeAll
  static void start() {
    app = TestApp.start("bankiddemo");
    client = app.client();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("the client points at the simulator on 127.0.0.1 over https")
  void clientUsesSimulator() {
    assertTrue(app.bankIdSimulator().isPresent());
    String url = app.services().bankId().baseUrl().toString();
    assertTrue(url.matches("https://127\\.0\\.0\\.1:\\d+/rp/v6\\.0"), url);
  }

  @Test
  @DisplayName("the phone page: Swedish HTML under our CSP, module script and stylesheet from files, no inline code")
  void phonePage() throws Exception {
    HttpResponse<Buffer> page = get("/bankid-simulator/");
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(page.getHeader("Content-Security-Policy").contains("script-src 'self'"));
    String html = page.bodyAsString();
    assertTrue(html.contains("<html lang=\"sv\">") && html.contains("BankID-simulatorn"), html);
    assertTrue(html.contains("<script type=\"module\" src=\"phone.js\"></script>"));
    assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
    assertFalse(html.contains("style=") || html.contains("<style") || html.matches("(?s).*\\son[a-z]+=.*"),
      "no inline style or event handler attributes");
    assertTrue(html.contains("<label for=\"identity\">") && html.contains("<label for=\"code\">"), "labelled inputs");

    HttpResponse<Buffer> script = get("/bankid-simulator/phone.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.getHeader("Content-Type").startsWith("text/javascript"));
    assertFalse(script.bodyAsString().contains("innerHTML"), "texts are set with textContent");
    assertEquals(200, get("/bankid-simulator/phone.css").statusCode());

    HttpResponse<Buffer> redirect = get("/bankid-simulator?autostarttoken=abc");
    assertEquals(302, redirect.statusCode());
    assertEquals("/bankid-simulator/?autostarttoken=abc", redirect.getHeader("Location"));
  }

  @Test
  @DisplayName("a whole login through the app: start, open with the autostart token, approve, collect complete")
  void loginThroughTheApp() throws Exception {
    BankIdClient bankId = app.services().bankId();
    OrderStart start = bankId.auth(AuthRequest.builder("192.0.2.9")
      .userVisibleData(UserVisibleData.plainText("Logga in")).build()).await(20, TimeUnit.SECONDS);
    JsonObject identities = get("/bankid-simulator/api/identities").bodyAsJsonObject();
    assertEquals("tolvan", identities.getJsonArray("identities").getJsonObject(0).getString("id"));
    assertEquals(200, post("/bankid-simulator/api/orders/open",
      new JsonObject().put("autoStartToken", start.autoStartToken())).statusCode());
    assertEquals(200, post("/bankid-simulator/api/orders/" + start.orderRef() + "/complete",
      new JsonObject().put("identityId", "tolvan")).statusCode());
    // The first collect of this order, so the throttle has nothing cached: it asks the simulator.
    CollectResult result = bankId.collect(start.orderRef()).await(20, TimeUnit.SECONDS);
    assertTrue(result.isComplete(), String.valueOf(result));
    assertEquals("191212121212", result.completionData().user().personalNumber());
  }

  @Test
  @DisplayName("production mode does not mount the simulator")
  void productionHasNoSimulator() throws Exception {
    try (TestApp production = TestApp.start("bankidproduction", new JsonObject()
      .put("MODE", "production")
      .put("BANKID_URL", "https://appapi2.test.bankid.com/rp/v6.0")
      .put("BANKID_RP_CERT", file("rp.p12"))
      .put("BANKID_RP_CERT_PASSWORD", "qwerty123")
      .put("BANKID_CA", file("ca.pem"))
      .put("PUBLIC_URL", "https://e-tjanster.kommun.example")
      .put("METRICS_TOKEN", "scrape-me")
      .put("TRUSTED_PROXIES", "127.0.0.1")
      .put("OIDC_ISSUER", "https://idp.kommun.example/realms/socialtjansten")
      .put("OIDC_CLIENT_ID", "socialportalen"))) {
      assertTrue(production.bankIdSimulator().isEmpty());
      HttpResponse<Buffer> response = production.client().get("/bankid-simulator/api/identities")
        .send().await(10, TimeUnit.SECONDS);
      assertEquals(404, response.statusCode());
    }
  }

  private static HttpResponse<Buffer> get(String path) throws Exception {
    return client.get(path).send().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
    return client.post(path).sendJsonObject(body).await(10, TimeUnit.SECONDS);
  }

  private static String file(String name) throws URISyntaxException {
    return Path.of(BankIdDemoAppTest.class.getResource("/bankid/simulator/" + name).toURI()).toString();
  }
}
