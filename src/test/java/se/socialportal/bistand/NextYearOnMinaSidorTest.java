package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.TestApp;
import se.socialportal.testing.TestClock;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.expect;

/**
 * In December a resident applies for January before next year's riksnorm is in the service: the application is
 * received as usual, Mina sidor says the calculation waits for the amounts for that year, and once the rules are
 * loaded the robot goes on by itself and Mina sidor stops saying so. The whole server, with the robot, reads a copy of
 * robots/ without any file after 2026.
 */
@DisplayName("Applying for January in December: received, Mina sidor says it waits for next year's amounts")
class NextYearOnMinaSidorTest {

  private static TestApp app;
  private static BistandModule module;
  private static RobotsFolder robots;

  @BeforeAll
  static void start() {
    robots = RobotsFolder.upTo(2026);
    app = TestApp.start("nextyearminasidor", new JsonObject().put("ROBOT_ENABLED", "true")
      .put("ROBOTS_DIR", robots.root().toString()).put("ROBOTS_RELOAD_SECONDS", "0"),
      TestClock.ticking(Instant.parse("2026-12-10T09:00:00Z")));
    module = app.services().bistand();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void waitsAndThenGoesOn() throws Exception {
    var resident = Residents.login(app, "19840211", "Nora", "Nyår");
    var created = expect(201, resident.post("/api/v1/applications", new JsonObject().put("month", "2027-01"),
      "key-" + UUID.randomUUID()));
    String id = created.bodyAsJsonObject().getString("id");
    var saved = expect(200, resident.put("/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", Fixtures.single()).put("step", "review"))).bodyAsJsonObject();
    for (Object missing : saved.getJsonArray("missingAttachments")) {
      expect(201, resident.upload("/api/v1/applications/" + id + "/attachments", "application", (String) missing,
        missing + ".pdf", Fixtures.pdf()));
    }
    Fixtures.completeSignature(app, module, resident.id, Fixtures.applicant(app, id));

    eventually("Mina sidor says the calculation waits", () -> caseInList(resident, id).getJsonObject("waitingForRules")
      != null);
    assertEquals(2027, caseInList(resident, id).getJsonObject("waitingForRules").getInteger("year"));
    JsonObject page = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("submitted", page.getString("status"), "received as usual");
    assertEquals(2027, page.getJsonObject("waitingForRules").getInteger("year"));
    assertTrue(types(page.getJsonArray("history")).contains("robot_waiting_for_rules"), page.encode());

    robots.nationalYearLike(2026, 2027);
    assertTrue(app.services().ruleBookReloads().reload(RuleBookReloads.Trigger.FILE_CHANGE, Optional.empty())
      .await(20, TimeUnit.SECONDS).loaded());

    eventually("Mina sidor no longer says it waits", () -> caseInList(resident, id).getJsonObject("waitingForRules")
      == null);
    JsonObject after = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertNull(after.getJsonObject("waitingForRules"));
    assertTrue(types(after.getJsonArray("history")).contains("robot_rules_arrived"), after.encode());
  }

  private static JsonObject caseInList(Residents.Resident resident, String id) {
    return expect(200, resident.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases").stream()
      .map(JsonObject.class::cast).filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
  }

  private static String types(JsonArray history) {
    StringBuilder types = new StringBuilder();
    history.forEach(event -> types.append(((JsonObject) event).getString("type")).append(' '));
    return types.toString();
  }

  /** Bounded polling: the robot works on its own event loop. */
  private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
