package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;

/**
 * The server's robot on the server's shared pool, under a burst of submissions most of which are parked at once (an
 * applicant under 18 is refused by the norm engine). Parked jobs end within milliseconds, so claims follow each other
 * closely; the pool then sometimes answers a claim within the read that answered the previous one, and the robot
 * used to take that completed claim for one still under way and never claim again.
 */
@DisplayName("A burst of submissions, most of them parked at once, never stops the robot; /health shows its queue")
class RobotBurstTest {

  private static final int SUBMISSIONS = 200;
  private static TestApp app;
  private static RobotFixtures fixtures;

  @BeforeAll
  static void start() {
    app = TestApp.start("robotburst", new JsonObject().put("ROBOT_ENABLED", "true").put("DEMO_DATA", "false"));
    fixtures = new RobotFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("every job of the burst ends (one proposal, the rest parked) and /health reports the robot")
  void burstWithParkedJobs() {
    for (int i = 0; i < SUBMISSIONS; i++) {
      fixtures.submit(fixtures.syntheticPerson(i), Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
        RobotFixtures.single(i == 0 ? "1975-05-05" : "2012-05-05", 4000, "salary", 1000));
    }
    eventually("every job ended", () -> fixtures.count(
      "SELECT count(*) FROM robot_job WHERE status IN ('done', 'manual_review')") == SUBMISSIONS);
    assertEquals(SUBMISSIONS - 1L, fixtures.count("SELECT count(*) FROM robot_job WHERE status = 'manual_review'"));

    JsonObject robot = robotHealth();
    assertTrue(robot.getBoolean("runsHere"));
    assertNotNull(robot.getLong("lastClaimSeconds"), robot.encode());
    assertEquals(0, robot.getJsonArray("stuck").size(), robot.encode());
    assertEquals(0, robot.getInteger("restarts"));
    assertTrue(robot.containsKey("oldestQueuedSeconds") && robot.getValue("oldestQueuedSeconds") == null,
      "nothing is due: " + robot.encode());
  }

  private static JsonObject robotHealth() {
    JsonObject health = new Browser(app).get("/health").bodyAsJsonObject();
    for (Object check : health.getJsonArray("checks")) {
      JsonObject json = (JsonObject) check;
      if ("robot".equals(json.getString("id"))) {
        assertEquals("UP", json.getString("status"));
        return json.getJsonObject("data");
      }
    }
    throw new AssertionError("no robot check in " + health.encode());
  }
}
