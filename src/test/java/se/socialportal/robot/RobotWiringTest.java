package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.socialportal.robot.RobotHarness.eventually;

@DisplayName("The server runs the robot: an application queued as the e-tjänst does gets a proposal")
class RobotWiringTest {

  private static TestApp app;
  private static RobotFixtures fixtures;

  @BeforeAll
  static void start() {
    app = TestApp.start("robotwiring", new JsonObject().put("ROBOT_ENABLED", "true").put("ROBOT_INSTANCES", "2"));
    fixtures = new RobotFixtures(app.services().pool(), app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("demo mode: LISTEN wakes the robot, the register simulator answers, the proposal and trace are written")
  void submittedApplicationGetsAProposal() {
    UUID demo = fixtures.person(RobotFixtures.DEMO);
    UUID id = fixtures.submit(demo, Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
      RobotFixtures.workedExample());
    eventually("a proposal", () -> fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id)
      == 1);
    assertEquals(0L, fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1 AND amount <> 7180",
      id));
    assertEquals(10L, fixtures.count("SELECT count(*) FROM robot_trace WHERE application_id = $1", id));
    assertEquals("done", fixtures.job(id).getString("status"));
  }

  @Test
  @DisplayName("ROBOT_INSTANCES=2: two robot verticles, each listening for new jobs on a connection of its own")
  void instancesFromConfiguration() {
    eventually("two listening robots", () -> fixtures.count("SELECT count(*) FROM pg_stat_activity "
      + "WHERE query ILIKE 'LISTEN%robot_job%' AND datname = current_database()") == 2);
  }
}
