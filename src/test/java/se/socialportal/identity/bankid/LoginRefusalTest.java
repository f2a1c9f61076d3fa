package se.socialportal.identity.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Login refusals: too many starts from one address, BankID out of reach")
class LoginRefusalTest {

  @Test
  @DisplayName("starting logins is rate-limited per address with a 429 and Retry-After")
  void rateLimited() {
    try (TestApp app = TestApp.start("loginrate", new JsonObject().put("LOGIN_RATE_PER_MINUTE", "2"))) {
      Browser browser = new Browser(app);
      assertEquals(201, browser.post("/api/v1/login", new JsonObject().put("device", "other")).statusCode());
      assertEquals(201, browser.post("/api/v1/login", new JsonObject().put("device", "other")).statusCode());
      HttpResponse<Buffer> refused = browser.post("/api/v1/login", new JsonObject().put("device", "other"));
      assertEquals(429, refused.statusCode());
      assertEquals("60", refused.getHeader("Retry-After"));
      assertEquals("too_many_requests", refused.bodyAsJsonObject().getString("error"));
    }
  }

  @Test
  @DisplayName("BankID unreachable: a 503 with BankID's own wording (RFA5), nothing stored")
  void bankIdUnreachable() throws Exception {
    String certificates = Path.of(LoginRefusalTest.class.getResource("/bankid/simulator/rp.p12").toURI()).getParent()
      .toString();
    int closedPort = TestApp.freePort();
    try (TestApp app = TestApp.start("loginunreachable", new JsonObject()
      .put("BANKID_URL", "https://127.0.0.1:" + closedPort + "/rp/v6.0")
      .put("BANKID_RP_CERT", certificates + "/rp.p12")
      .put("BANKID_RP_CERT_PASSWORD", "qwerty123")
      .put("BANKID_CA", certificates + "/ca.pem"))) {
      HttpResponse<Buffer> refused = new Browser(app).post("/api/v1/login", new JsonObject().put("device", "same"));
      assertEquals(503, refused.statusCode());
      assertEquals("bankid_unavailable", refused.bodyAsJsonObject().getString("error"));
      assertEquals("Internt tekniskt fel. Försök igen.", refused.bodyAsJsonObject().getString("message"));
      assertEquals(0L, app.services().pool().query("SELECT count(*) FROM bankid_order").execute()
        .await(10, java.util.concurrent.TimeUnit.SECONDS).iterator().next().getLong(0));
    }
  }
}
