package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterQuery;
import se.socialportal.rules.RuleBook;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

@DisplayName("The robot heals itself: a job that never ends is given up, a robot that stopped claiming is replaced")
class RobotSelfHealingTest {

  private static RuleBook rules;

  @BeforeAll
  static void load() {
    rules = RobotHarness.rules();
  }

  /** An agency that never answers the first question about one person; afterwards the simulator answers. */
  static final class SilentOnce implements RegisterAdapter {
    private final RegisterAdapter answering;
    private final UUID silentFor;
    private final AtomicBoolean silent = new AtomicBoolean(true);

    SilentOnce(RegisterAdapter answering, UUID silentFor) {
      this.answering = answering;
      this.silentFor = silentFor;
    }

    @Override
    public Future<RegisterAnswer> fetch(RegisterQuery query) {
      if (query.personId().equals(silentFor) && silent.getAndSet(false)) {
        return Promise.<RegisterAnswer>promise().future();
      }
      return answering.fetch(query);
    }

    @Override
    public String name() {
      return answering.name();
    }
  }

  private static UUID submit(RobotHarness harness, UUID person) {
    return harness.fixtures.submit(person, Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
      RobotFixtures.single("1975-05-05", 4000, "salary", 1000));
  }

  @Test
  @DisplayName("a job in flight longer than ROBOT_STUCK_SECONDS frees its slot, is not renewed and is tried again")
  void stuckJobIsGivenUp() {
    try (RobotHarness harness = new RobotHarness("robotstuckjob")) {
      UUID silentPerson = harness.fixtures.syntheticPerson(1);
      RobotSettings settings = RobotHarness.SETTINGS.withConcurrency(1).withStuckAfter(Duration.ofSeconds(10));
      RobotHarness.Deployed robot = harness.deploy(rules,
        new SilentOnce(new RegisterSimulator(harness.clock), silentPerson), settings);
      UUID hanging = submit(harness, silentPerson);
      eventually("the first job is in flight", () -> robot.verticle().inFlight() == 1);
      UUID waiting = submit(harness, harness.fixtures.syntheticPerson(2));
      robot.sweep();
      assertEquals("queued", harness.fixtures.job(waiting).getString("status"), "the only slot is taken");

      harness.clock.advance(Duration.ofSeconds(11));
      eventually("the slot is freed and the next job proposed", () ->
        "done".equals(harness.fixtures.job(waiting).getString("status")));
      assertEquals("claimed", harness.fixtures.job(hanging).getString("status"), "held until its lease ends");

      harness.clock.advance(settings.lease());
      eventually("the stuck job is taken over and proposed", () ->
        "done".equals(harness.fixtures.job(hanging).getString("status")));
      assertEquals(2, harness.fixtures.job(hanging).getInteger("attempts"));
      assertEquals(1, harness.fixtures.job(hanging).getInteger("failures"));
    }
  }

  @Test
  @DisplayName("the watchdog replaces a robot whose claims do not return, and the replacement does the work")
  void watchdogReplacesStuckRobot() {
    try (RobotHarness harness = new RobotHarness("robotwatchdog")) {
      UUID id = submit(harness, harness.fixtures.syntheticPerson(3));
      // Every claim and takeover waits behind this lock, as behind any statement that never returns.
      SqlConnection lock = await(harness.pool.getConnection());
      await(lock.query("BEGIN").execute());
      await(lock.query("LOCK TABLE robot_job IN EXCLUSIVE MODE").execute());

      RobotSettings settings = RobotHarness.SETTINGS.withStuckAfter(Duration.ofSeconds(60));
      RobotHarness.Watched watched = harness.deployWatched(rules, new RegisterSimulator(harness.clock), settings);
      RobotVerticle first = watched.robot();
      assertEquals(0, (int) onContext(watched, watched.watchdog()::check), "not stuck before the bound");

      harness.clock.advance(Duration.ofSeconds(61));
      eventually("the watchdog replaced the robot", () -> watched.monitor().restarts() == 1);
      assertNotEquals(first.workerId(), watched.robot().workerId());
      Promise<io.vertx.ext.healthchecks.Status> health = Promise.promise();
      new RobotHealth(harness.pool, harness.clock, watched.monitor()).handle(health);
      var reported = await(health.future()).getData();
      assertTrue(reported.getLong("oldestQueuedSeconds") > 60, "the job has waited: " + reported.encode());
      assertEquals(1, reported.getInteger("restarts"));

      await(lock.query("COMMIT").execute());
      lock.close();
      eventually("the job is proposed", () -> "done".equals(harness.fixtures.job(id).getString("status")));
      assertEquals(1, watched.monitor().restarts(), "the replacement was never stuck");
    }
  }

  private static <T> T onContext(RobotHarness.Watched watched, java.util.function.Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    watched.watchdog().context().runOnContext(v -> action.get().onComplete(done));
    return await(done.future());
  }
}
