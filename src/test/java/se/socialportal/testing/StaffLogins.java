package se.socialportal.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.List;
import java.util.UUID;

/**
 * Logs a staff member in through the real OpenID Connect flow against the demo provider (as StaffLoginTest does):
 * /handlaggare/login → the provider's login form with the member's claims → /handlaggare/callback → a staff session.
 * The returned browser sends the session's CSRF token on every state-changing call.
 */
public final class StaffLogins {

  private StaffLogins() {
  }

  /** A logged-in staff member and their staff_member id. */
  public record Staff(Browser browser, UUID staffId, String name) {
  }

  public static Staff login(TestApp app, String subject, String name, String tenant, String... roles) {
    Browser browser = new Browser(app);
    HttpResponse<Buffer> toProvider = browser.get("/handlaggare/login");
    String authorizeUrl = toProvider.getHeader("Location");
    browser.get(authorizeUrl);
    JsonObject claims = new JsonObject().put("name", name).put("tenant", tenant)
      .put("roles", new JsonArray(List.of((Object[]) roles)));
    HttpResponse<Buffer> toCallback = browser.postForm(authorizeUrl,
      MultiMap.caseInsensitiveMultiMap().add("username", subject).add("claims", claims.encode()));
    HttpResponse<Buffer> landed = browser.get(toCallback.getHeader("Location"));
    if (landed.statusCode() != 302) {
      throw new AssertionError("staff login failed: " + landed.statusCode() + " " + landed.bodyAsString());
    }
    JsonObject session = browser.get("/api/v1/staff/session").bodyAsJsonObject();
    browser.csrf(session.getString("csrfToken"));
    UUID staffId = Futures.await(app.services().pool().preparedQuery("SELECT id FROM staff_member WHERE tenant_id = $1 AND subject = $2")
      .execute(io.vertx.sqlclient.Tuple.of(tenant, subject)).map(rows -> rows.iterator().next().getUUID("id")));
    return new Staff(browser, staffId, name);
  }
}
