package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;

/**
 * Across rooms: what the robot writes is what a handläggare can read and adjust. Every line in Swedish words, a
 * need (livsföring i övrigt) as a line of its own to decide, and an adjusted income recomputed by the norm engine
 * from the stored input, keeping the robot's label.
 */
@DisplayName("A robot proposal in the handläggare's case view: words, needs, and adjustments recomputed by the engine")
class ProposalInCaseworkTest {

  private static TestApp app;
  private static RobotFixtures fixtures;

  @BeforeAll
  static void start() {
    app = TestApp.start("proposalincasework", new JsonObject().put("ROBOT_ENABLED", "true"));
    fixtures = new RobotFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void robotProposalIsReadableAndAdjustable() {
    UUID applicant = fixtures.person(RobotFixtures.TOLVAN);
    JsonObject content = RobotFixtures.workedExample();
    content.put("needs", new JsonArray().add(new JsonObject().put("type", "glasses").put("amount", 1500)
      .put("description", "Nya glasögon efter synundersökning")));
    UUID id = fixtures.submit(applicant, Optional.empty(), YearMonth.of(2025, 9), "new", "digital", content);
    eventually("a proposal", () -> fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id)
      == 1);

    StaffLogins.Staff anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    String base = "/api/v1/casework/cases/" + id;
    JsonObject calculation = anna.browser().get(base).bodyAsJsonObject().getJsonObject("proposal")
      .getJsonObject("calculation");
    JsonArray lines = calculation.getJsonArray("lines");
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      assertFalse(line.getString("label").contains(":"), "a label in words, not a key: " + line.encode());
    }
    JsonObject salary = line(lines, "income:salary:0");
    assertEquals("Lön efter skatt – sökande", salary.getString("label"));
    JsonObject glasses = line(lines, "need:0");
    assertEquals("Glasögon", glasses.getString("label"));
    assertEquals("livsforing_ovrigt", glasses.getString("decisionType"));
    assertEquals("7180", calculation.getJsonObject("totals").getString("forsorjningsstod"),
      "the worked example without jobbstimulans (docs/sources.md#variants)");

    assertEquals(200, anna.browser().post(base + "/adjustments", new JsonObject().put("lineKey", "income:salary:0")
      .put("amount", 8000).put("reason", "Lönebeskedet visar 8 000 kr efter skatt.")).statusCode());
    JsonObject adjusted = anna.browser().get(base).bodyAsJsonObject().getJsonObject("proposal")
      .getJsonObject("calculation");
    assertEquals("8180", adjusted.getJsonObject("totals").getString("forsorjningsstod"),
      "1 000 kr less counted income gives 1 000 kr more, computed by the engine");
    JsonObject recomputed = line(adjusted.getJsonArray("lines"), "income:salary:0");
    assertEquals("Lön efter skatt – sökande", recomputed.getString("label"));
    assertTrue(line(adjusted.getJsonArray("lines"), "need:0").getString("label").equals("Glasögon"),
      "the need survives the recalculation");
  }

  private static JsonObject line(JsonArray lines, String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (key.equals(lines.getJsonObject(i).getString("key"))) {
        return lines.getJsonObject(i);
      }
    }
    throw new AssertionError("no line " + key + " in " + lines.encodePrettily());
  }
}
