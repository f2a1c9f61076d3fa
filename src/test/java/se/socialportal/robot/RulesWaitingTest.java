package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.testing.RobotsFolder;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

/**
 * "Next year's rules are not published yet" is a normal state: an application for such a month waits — not a failure,
 * not an attempt — the household is told once, and the job completes by itself when a rule book covering the month is
 * loaded. The robot reads a copy of robots/ without any file after 2026.
 */
@DisplayName("A job for a month without rules waits, and completes when the rules are reloaded")
class RulesWaitingTest {

  private static final YearMonth JANUARY_2027 = YearMonth.of(2027, 1);

  private static RobotHarness harness;
  private static RobotFixtures fixtures;
  private static RobotsFolder robots;
  private static CurrentRuleBook rules;
  private static RuleBookReloads reloads;
  private static RobotHarness.Deployed robot;

  @BeforeAll
  static void start() {
    harness = new RobotHarness("ruleswaiting");
    fixtures = harness.fixtures;
    robots = RobotsFolder.upTo(2026);
    rules = CurrentRuleBook.folder(robots.root());
    reloads = new RuleBookReloads(harness.newVertx(), harness.pool, harness.clock, rules);
    robot = harness.deploy(rules, new FixedRegisters(List.of()), RobotHarness.SETTINGS);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static String jobStatus(UUID application) {
    return fixtures.job(application).getString("status");
  }

  private static long events(UUID application, String type) {
    return fixtures.count("SELECT count(*) FROM application_event WHERE application_id = $1 AND type = '" + type + "'",
      application);
  }

  @Test
  @DisplayName("waits for riksnorm 2027, resumes after a valid reload and proposes with the new rules")
  void waitsAndResumes() {
    UUID id = fixtures.submit(fixtures.syntheticPerson(1), Optional.empty(), JANUARY_2027, "new", "digital",
      RobotFixtures.single("1980-01-01", 5000, "salary", 0));

    eventually("the job waits for rules", () -> "waiting_rules".equals(jobStatus(id)));
    JsonObject job = fixtures.job(id);
    assertEquals(0, job.getInteger("failures"), "waiting for rules is not a failure");
    Row waiting = await(harness.pool.preparedQuery("SELECT kind, month FROM robot_waiting_for_rules "
      + "WHERE application_id = $1").execute(Tuple.of(id))).iterator().next();
    assertEquals("riksnorm", waiting.getString("kind"));
    assertEquals("2027-01", waiting.getString("month"));
    assertEquals(1L, events(id, "robot_waiting_for_rules"), "the household is told");
    assertEquals(0L, fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id));

    // A sweep finds nothing to resume or claim while the rules are still missing.
    assertEquals(0, robot.sweep());
    assertEquals("waiting_rules", jobStatus(id));

    robots.nationalYearLike(2026, 2027);
    assertTrue(await(reloads.reload(RuleBookReloads.Trigger.FILE_CHANGE, Optional.empty())).loaded());

    Row proposal = RobotEndToEndTest.proposalIn(harness, id);
    assertEquals("riksnorm-2027-test", proposal.getJsonObject("rule_versions").getString("riksnorm"));
    assertEquals("done", jobStatus(id));
    assertEquals(0, fixtures.job(id).getInteger("failures"));
    assertEquals(1L, events(id, "robot_waiting_for_rules"), "told once, not again on resuming");
  }

  @Test
  @DisplayName("a refused reload keeps the job waiting; nothing is lost")
  void refusedReloadKeepsWaiting() {
    YearMonth february2028 = YearMonth.of(2028, 2);
    UUID id = fixtures.submit(fixtures.syntheticPerson(2), Optional.empty(), february2028, "new", "digital",
      RobotFixtures.single("1980-01-01", 5000, "salary", 0));
    eventually("the job waits for rules", () -> "waiting_rules".equals(jobStatus(id)));

    robots.write("riksnorm/riksnorm-2028.json", "{ \"kind\": \"riksnorm\", \"version\": \"half-written\" ");
    RuleBookReloads.Outcome outcome = await(reloads.reload(RuleBookReloads.Trigger.FILE_CHANGE, Optional.empty()));
    assertFalse(outcome.loaded());
    robots.delete("riksnorm/riksnorm-2028.json");

    assertEquals(0, robot.sweep());
    assertEquals("waiting_rules", jobStatus(id));
    assertEquals(0, fixtures.job(id).getInteger("failures"));
  }
}
