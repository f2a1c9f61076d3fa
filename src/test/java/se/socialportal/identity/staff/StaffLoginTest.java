package se.socialportal.identity.staff;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Staff log in with OpenID Connect (authorization code + PKCE) against the demo provider")
class StaffLoginTest {

  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start("stafflogin");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Goes to the identity provider and back; returns the callback URL the provider redirects to. */
  private static String authorize(Browser browser, String subject, JsonObject claims) {
    HttpResponse<Buffer> toProvider = browser.get("/handlaggare/login");
    assertEquals(302, toProvider.statusCode());
    String authorizeUrl = toProvider.getHeader("Location");
    assertTrue(authorizeUrl.contains("code_challenge_method=S256"), authorizeUrl);
    assertTrue(authorizeUrl.contains("nonce="), authorizeUrl);
    HttpResponse<Buffer> loginPage = browser.get(authorizeUrl);
    assertEquals(200, loginPage.statusCode());
    HttpResponse<Buffer> toCallback = browser.postForm(authorizeUrl,
      MultiMap.caseInsensitiveMultiMap().add("username", subject).add("claims", claims.encode()));
    assertEquals(302, toCallback.statusCode());
    return toCallback.getHeader("Location");
  }

  private static JsonObject claims(String name, String tenant, String... roles) {
    return new JsonObject().put("name", name).put("tenant", tenant).put("roles", new JsonArray(java.util.List.of(roles)));
  }

  @Test
  @DisplayName("a demo handläggare logs in and gets a staff session with tenant and roles from the token")
  void logsIn() {
    Browser browser = new Browser(app);
    String callback = authorize(browser, "anna.handlaggare", claims("Anna Handläggarsson", "demo", "handlaggare"));
    HttpResponse<Buffer> landed = browser.get(callback);
    assertEquals(302, landed.statusCode());
    assertEquals("/handlaggare/", landed.getHeader("Location"));
    JsonObject session = browser.get("/api/v1/staff/session").bodyAsJsonObject();
    assertEquals(true, session.getBoolean("authenticated"));
    assertEquals("Anna Handläggarsson", session.getString("name"));
    assertEquals("demo", session.getString("tenant"));
    assertEquals(new JsonArray().add("handlaggare"), session.getJsonArray("roles"));
    assertEquals(false, browser.get("/api/v1/session").bodyAsJsonObject().getBoolean("authenticated"),
      "a staff session is not a resident session");
  }

  @Test
  @DisplayName("the demo provider's login page offers every demo staff member")
  void demoLoginPageListsStaff() {
    Browser browser = new Browser(app);
    String page = browser.get(browser.get("/handlaggare/login").getHeader("Location")).bodyAsString();
    assertTrue(page.contains("Anna Handläggarsson") && page.contains("Erik Enhetschefsson")
      && page.contains("grannkommun"), page);
  }

  @Test
  @DisplayName("a callback in another browser (no state cookie) is refused")
  void callbackFromAnotherBrowser() {
    String callback = authorize(new Browser(app), "anna.handlaggare", claims("Anna", "demo", "handlaggare"));
    HttpResponse<Buffer> stolen = new Browser(app).get(callback);
    assertEquals(400, stolen.statusCode());
    assertEquals("staff_login_expired", stolen.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("a callback cannot be replayed")
  void replay() {
    Browser browser = new Browser(app);
    String callback = authorize(browser, "anna.handlaggare", claims("Anna", "demo", "handlaggare"));
    String state = browser.cookie("sp_oidc_state");
    assertEquals(302, browser.get(callback).statusCode());
    Browser again = new Browser(app);
    // Even with the original state cookie, the attempt has been used.
    HttpResponse<Buffer> replayed;
    try {
      replayed = again.client().getAbs(callback).putHeader("Cookie", "sp_oidc_state=" + state).followRedirects(false)
        .send().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertEquals(400, replayed.statusCode());
  }

  @Test
  @DisplayName("a token with no role we know gives no access")
  void unknownRole() {
    Browser browser = new Browser(app);
    String callback = authorize(browser, "okand", claims("Okänd", "demo", "vaktmastare"));
    HttpResponse<Buffer> refused = browser.get(callback);
    assertEquals(403, refused.statusCode());
    assertEquals("staff_no_access", refused.bodyAsJsonObject().getString("error"));
    assertEquals(false, browser.get("/api/v1/staff/session").bodyAsJsonObject().getBoolean("authenticated"));
  }

  @Test
  @DisplayName("a token naming a municipality that is not a tenant gives no access")
  void unknownTenant() {
    Browser browser = new Browser(app);
    String callback = authorize(browser, "fel.kommun", claims("Fel", "okand-kommun", "handlaggare"));
    assertEquals(403, browser.get(callback).statusCode());
  }

  @Test
  @DisplayName("logout needs the CSRF token and ends the session")
  void logout() {
    Browser browser = new Browser(app);
    browser.get(authorize(browser, "greta.gruppledare", claims("Greta", "demo", "gruppledare")));
    JsonObject session = browser.get("/api/v1/staff/session").bodyAsJsonObject();
    assertEquals(403, browser.post("/api/v1/staff/logout", new JsonObject()).statusCode());
    assertEquals(204, browser.csrf(session.getString("csrfToken")).post("/api/v1/staff/logout", new JsonObject()).statusCode());
    assertEquals(false, browser.get("/api/v1/staff/session").bodyAsJsonObject().getBoolean("authenticated"));
  }

  @Test
  @DisplayName("only our own staff pages are accepted as where to return after login")
  void noOpenRedirect() {
    assertEquals("/handlaggare/", StaffLoginRoutes.safeReturnPath("https://evil.example/"));
    assertEquals("/handlaggare/", StaffLoginRoutes.safeReturnPath("//evil.example/x"));
    assertEquals("/admin/rapporter", StaffLoginRoutes.safeReturnPath("/admin/rapporter"));
  }
}
