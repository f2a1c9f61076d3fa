package se.socialportal.robot;

import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.testing.RobotsFolder;
import se.socialportal.testing.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.socialportal.robot.RobotHarness.eventually;

/**
 * The robot path on the days around a turn of the year, for applications for this month and the next: once where
 * both years' rules exist (2025 → 2026) and once where the new year's do not (2026 → 2027). Where the rules exist a
 * proposal is made with that year's riksnorm; where they do not, the job waits for them — never a failure. The robot
 * reads a copy of robots/ without any file after 2026, so this holds whatever rules the project has by then.
 */
@DisplayName("The robot on 30 Nov, 1 Dec, 31 Dec and 1 Jan: a proposal where the rules exist, waiting where not")
class RulesAtTheTurnOfTheYearTest {

  private static final AtomicInteger PEOPLE = new AtomicInteger(100);
  private static RobotHarness harness;

  @BeforeAll
  static void start() {
    harness = new RobotHarness("turnofyear", at(LocalDate.of(2025, 11, 30)));
    harness.deploy(CurrentRuleBook.folder(RobotsFolder.upTo(2026).root()), new FixedRegisters(List.of()),
      RobotHarness.SETTINGS);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static java.time.Instant at(LocalDate day) {
    return ZonedDateTime.of(day, LocalTime.of(9, 0), TestClock.STOCKHOLM).toInstant();
  }

  /** The days run in this order (the test clock only moves forward). */
  @ParameterizedTest(name = "{0}: this month {1}, next month {2}")
  @CsvSource({
    "2025-11-30, proposal, proposal",
    "2025-12-01, proposal, proposal",
    "2025-12-31, proposal, proposal",
    "2026-01-01, proposal, proposal",
    "2026-11-30, proposal, proposal",
    "2026-12-01, proposal, waiting_rules",
    "2026-12-31, proposal, waiting_rules",
    "2027-01-01, waiting_rules, waiting_rules"})
  void aroundTheTurnOfTheYear(LocalDate day, String thisMonth, String nextMonth) {
    harness.clock.advance(Duration.between(harness.clock.instant(), at(day)));
    YearMonth month = YearMonth.from(day);
    check(submit(month), month, thisMonth);
    check(submit(month.plusMonths(1)), month.plusMonths(1), nextMonth);
  }

  private static UUID submit(YearMonth month) {
    UUID person = harness.fixtures.syntheticPerson(PEOPLE.incrementAndGet());
    return harness.fixtures.submit(RobotEndToEndTest.id(false), person, Optional.empty(), month, "new", "digital",
      RobotFixtures.single("1980-01-01", 5000, "salary", 0));
  }

  private static void check(UUID application, YearMonth month, String expected) {
    if (expected.equals("proposal")) {
      Row proposal = RobotEndToEndTest.proposalIn(harness, application);
      assertEquals("riksnorm-" + month.getYear(), proposal.getJsonObject("rule_versions").getString("riksnorm"));
    } else {
      eventually("the job for " + month + " waits for rules",
        () -> "waiting_rules".equals(harness.fixtures.job(application).getString("status")));
      assertEquals(1L, harness.fixtures.count("SELECT count(*) FROM application_event WHERE application_id = $1 "
        + "AND type = 'robot_waiting_for_rules'", application));
    }
    assertEquals(0, harness.fixtures.job(application).getInteger("failures"), "never a failure");
  }
}
