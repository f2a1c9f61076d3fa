package se.socialportal.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator sees the rule files in force and reloads robots/ on request; nobody else may. */
@DisplayName("Rules for an admin: the files in force, what is missing, and a reload on request")
class RulesAdminTest {

  private static TestApp app;
  private static RobotsFolder robots;
  private static StaffLogins.Staff admin;
  private static StaffLogins.Staff handlaggare;

  @BeforeAll
  static void start() {
    robots = RobotsFolder.upTo(2026);
    // No file watch: only the admin's reload reads the folder again.
    app = TestApp.start("rulesadmin", new JsonObject().put("ROBOTS_DIR", robots.root().toString())
      .put("ROBOTS_RELOAD_SECONDS", "0"));
    admin = StaffLogins.login(app, "ada.admin", "Ada Administratör", "demo", "admin");
    handlaggare = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("only an admin: a handläggare gets 403, a visitor 401")
  void onlyAdmins() {
    assertEquals(403, handlaggare.browser().get("/api/v1/admin/rules").statusCode());
    assertEquals(403, handlaggare.browser().post("/api/v1/admin/rules/reload", new JsonObject()).statusCode());
    assertEquals(401, new se.socialportal.testing.Browser(app).get("/api/v1/admin/rules").statusCode());
  }

  @Test
  @DisplayName("a refused reload answers 422 with every problem and changes nothing; a valid one is in force at once")
  void reload() {
    JsonObject before = admin.browser().get("/api/v1/admin/rules").bodyAsJsonObject();
    assertFalse(before.getJsonArray("files").encode().contains("riksnorm-2027"));
    assertTrue(before.getBoolean("reloadable"));

    robots.write("prisbasbelopp/prisbasbelopp-2027.json", "{\"kind\": \"prisbasbelopp\"}");
    HttpResponse<Buffer> refused = admin.browser().post("/api/v1/admin/rules/reload", new JsonObject());
    assertEquals(422, refused.statusCode(), refused.bodyAsString());
    JsonObject error = refused.bodyAsJsonObject();
    assertEquals("rules_refused", error.getString("error"));
    assertTrue(error.getJsonArray("problems").encode().contains("prisbasbelopp-2027.json"), error.encode());
    assertEquals(before.getJsonArray("files"), admin.browser().get("/api/v1/admin/rules").bodyAsJsonObject()
      .getJsonArray("files"), "the rules in force are unchanged");

    robots.delete("prisbasbelopp/prisbasbelopp-2027.json").nationalYearLike(2026, 2027);
    HttpResponse<Buffer> loaded = admin.browser().post("/api/v1/admin/rules/reload", new JsonObject());
    assertEquals(200, loaded.statusCode(), loaded.bodyAsString());
    assertTrue(loaded.bodyAsJsonObject().getJsonArray("files").encode().contains("riksnorm-2027-test"));
    assertEquals(2L, app.services().pool().query("SELECT count(*) FROM rule_book_load WHERE trigger = 'admin'")
      .execute().await().iterator().next().getLong(0), "both reloads are recorded with who asked");
  }
}
