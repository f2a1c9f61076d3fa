package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

@DisplayName("The robot under failure: concurrent instances, a killed worker, a step that keeps failing")
class RobotResilienceTest {

  private static RuleBook rules;

  @BeforeAll
  static void load() {
    rules = RobotHarness.rules();
  }

  @AfterAll
  static void done() {
    // Each test closes its own harness.
  }

  private static List<UUID> submitMany(RobotFixtures fixtures, int n, int offset) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(fixtures.submit(fixtures.syntheticPerson(offset + i), Optional.empty(), YearMonth.of(2025, 1 + i % 12),
        "new", i % 3 == 0 ? "paper" : "digital", RobotFixtures.single("1975-05-05", 4000 + i, "salary", i % 5 * 1000)));
    }
    return ids;
  }

  @Test
  @DisplayName("two robot instances on two Vert.x (two servers) make exactly one proposal per application")
  void twoInstancesNoDuplicates() {
    try (RobotHarness harness = new RobotHarness("robottwo")) {
      RobotHarness.Deployed one = harness.deploy(rules, new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
      RobotHarness.Deployed two = harness.deploy(rules, new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
      List<UUID> applicants = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        applicants.add(harness.fixtures.syntheticPerson(i));
      }
      // Committed together: both instances are notified at once and claim side by side.
      List<UUID> ids = harness.fixtures.submitTogether(applicants, YearMonth.of(2025, 10),
        RobotFixtures.single("1975-05-05", 4000, "salary", 1000));
      eventually("200 proposals", () -> harness.fixtures.count("SELECT count(*) FROM robot_job WHERE status = 'done'")
        == 200);
      assertEquals(200L, harness.fixtures.count("SELECT count(*) FROM beslutsforslag"));
      assertEquals(200L, harness.fixtures.count("SELECT count(DISTINCT application_id) FROM beslutsforslag"));
      assertEquals(0L, harness.fixtures.count("SELECT count(*) FROM robot_job WHERE attempts <> 1"),
        "no job was processed twice");
      assertEquals(200L, harness.fixtures.count("SELECT count(DISTINCT job_id) FROM robot_trace WHERE step = 'motivering'"));
      assertEquals(200L, harness.fixtures.count("SELECT count(*) FROM robot_trace WHERE step = 'motivering'"));
      long byOne = harness.fixtures.count("SELECT count(*) FROM robot_job WHERE claimed_by = $1",
        one.verticle().workerId());
      long byTwo = harness.fixtures.count("SELECT count(*) FROM robot_job WHERE claimed_by = $1",
        two.verticle().workerId());
      assertEquals(200L, byOne + byTwo);
      assertTrue(byOne > 0 && byTwo > 0, "both instances worked: " + byOne + " / " + byTwo);
      assertEquals(ids.size(), 200);
    }
  }

  @Test
  @DisplayName("a worker killed while holding a job: after the lease another instance takes it over and proposes once")
  void killedWorkerIsTakenOver() {
    try (RobotHarness harness = new RobotHarness("robotkilled")) {
      UUID id = submitMany(harness.fixtures, 1, 300).get(0);
      // A worker claims the job and dies without a word.
      JobQueue deadWorkersQueue = new JobQueue(harness.pool, harness.clock);
      ClaimedJob held = await(deadWorkersQueue.claim("killed-worker", 1, RobotHarness.SETTINGS.lease())).get(0);
      RobotHarness.Deployed survivor = harness.deploy(rules, new RegisterSimulator(harness.clock),
        RobotHarness.SETTINGS);
      assertEquals(0, survivor.sweep());
      assertEquals("claimed", harness.fixtures.job(id).getString("status"), "a live lease is respected");
      harness.clock.advance(RobotHarness.SETTINGS.lease().plusSeconds(1));
      eventually("the job is taken over and proposed", () -> harness.fixtures.count(
        "SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id) == 1);
      var job = harness.fixtures.job(id);
      assertEquals("done", job.getString("status"));
      assertEquals(2, job.getInteger("attempts"));
      assertEquals(1, job.getInteger("failures"));
      // The killed worker comes back and tries to finish: fenced off, nothing written.
      Exception refused = assertThrows(Exception.class, () -> await(harness.pool.withTransaction(
        tx -> deadWorkersQueue.done(tx, held))));
      assertInstanceOf(LostClaimException.class, refused.getCause());
      assertEquals(1L, harness.fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id));
    }
  }

  /** SSBTEK answering 500 every time. */
  static final class BrokenRegisters implements RegisterAdapter {
    @Override
    public Future<RegisterAnswer> fetch(RegisterQuery query) {
      return Future.failedFuture(new IllegalStateException("SSBTEK svarade 500 för " + query.personnummer().value()));
    }

    @Override
    public String name() {
      return "broken";
    }
  }

  @Test
  @DisplayName("a step that keeps failing is retried with growing backoff, then parked for manual review with the reason")
  void retriedThenManualReview() {
    try (RobotHarness harness = new RobotHarness("robotretry")) {
      RobotHarness.Deployed robot = harness.deploy(rules, new BrokenRegisters(), RobotHarness.SETTINGS);
      UUID id = submitMany(harness.fixtures, 1, 400).get(0);
      eventually("first failure", () -> harness.fixtures.job(id).getInteger("failures") == 1);
      assertEquals("queued", harness.fixtures.job(id).getString("status"));
      assertEquals(0, robot.sweep(), "not before the backoff (10 s)");
      assertEquals(1, harness.fixtures.job(id).getInteger("attempts"));
      harness.clock.advance(Duration.ofSeconds(11));
      eventually("second failure", () -> harness.fixtures.job(id).getInteger("failures") == 2);
      harness.clock.advance(Duration.ofSeconds(11));
      assertEquals(0, robot.sweep(), "the second backoff is 20 s");
      assertEquals(2, harness.fixtures.job(id).getInteger("attempts"));
      harness.clock.advance(Duration.ofSeconds(10));
      eventually("parked", () -> "manual_review".equals(harness.fixtures.job(id).getString("status")));
      var review = await(harness.pool.preparedQuery("SELECT reason, failed_step, failures FROM robot_manual_review "
        + "WHERE application_id = $1").execute(Tuple.of(id))).iterator().next();
      assertEquals("registers", review.getString("failed_step"));
      assertEquals(3, review.getInteger("failures"));
      assertTrue(review.getString("reason").contains("SSBTEK svarade 500"), review.getString("reason"));
      assertTrue(review.getString("reason").contains("[personnummer]"), "the personnummer is redacted: "
        + review.getString("reason"));
      assertEquals(0L, harness.fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id));
      assertEquals(List.of("retry", "retry", "manual"), outcomes(harness, id));
      assertEquals(1L, harness.fixtures.count("SELECT count(*) FROM application_event WHERE application_id = $1 "
        + "AND type = 'robot_manual_review'", id));
      assertEquals("submitted", await(harness.pool.preparedQuery("SELECT status FROM application WHERE id = $1")
        .execute(Tuple.of(id))).iterator().next().getString(0));
      assertEquals(3L, harness.fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1", id),
        "every register read is audited, failed or not");
    }
  }

  @Test
  @DisplayName("a proposal the database refuses fails only its own job; the others written with it get theirs")
  void oneBadWriteDoesNotHoldBackTheOthers() {
    try (RobotHarness harness = new RobotHarness("robotbadwrite")) {
      List<UUID> applicants = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        applicants.add(harness.fixtures.syntheticPerson(600 + i));
      }
      List<UUID> ids = harness.fixtures.submitTogether(applicants, YearMonth.of(2025, 10),
        RobotFixtures.single("1975-05-05", 4000, "salary", 1000));
      UUID refused = ids.get(17);
      // The database refuses this one application's proposal, whatever batch it is written in.
      await(harness.pool.query("CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        + "IF NEW.application_id = '" + refused + "' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; "
        + "END $$").execute());
      await(harness.pool.query("CREATE TRIGGER refuse_one BEFORE INSERT ON beslutsforslag FOR EACH ROW "
        + "EXECUTE FUNCTION refuse_one()").execute());
      harness.deploy(rules, new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
      eventually("39 proposals and the refused job back in the queue", () ->
        harness.fixtures.count("SELECT count(*) FROM beslutsforslag") == 39
          && harness.fixtures.job(refused).getInteger("failures") == 1);
      assertEquals(0L, harness.fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", refused));
      assertEquals("queued", harness.fixtures.job(refused).getString("status"), "retried after its backoff");
      assertEquals(39L, harness.fixtures.count("SELECT count(*) FROM robot_job WHERE status = 'done'"));
      assertEquals(0L, harness.fixtures.count("SELECT count(*) FROM robot_job WHERE status = 'done' AND attempts <> 1"),
        "every other job was written once, in its first attempt");
    }
  }

  @Test
  @DisplayName("content the norm engine refuses is parked at once: retrying could not help")
  void permanentFailureIsParkedAtOnce() {
    try (RobotHarness harness = new RobotHarness("robotpermanent")) {
      harness.deploy(rules, new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
      io.vertx.core.json.JsonObject content = RobotFixtures.single("1975-05-05", 4000, "salary", 0);
      // A child born after the month applied for: the engine cannot calculate it.
      content.getJsonObject("household").getJsonArray("children")
        .add(RobotFixtures.child("Ny", "2026-01-01", "full"));
      UUID id = harness.fixtures.submit(harness.fixtures.syntheticPerson(500), Optional.empty(),
        YearMonth.of(2025, 10), "new", "digital", content);
      eventually("parked", () -> "manual_review".equals(harness.fixtures.job(id).getString("status")));
      var job = harness.fixtures.job(id);
      assertEquals(1, job.getInteger("attempts"));
      assertEquals("calculation", job.getString("failed_step"));
      assertTrue(job.getString("last_error").startsWith("Beräkningen kan inte göras"), job.getString("last_error"));
      assertEquals(0L, harness.fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id));
    }
  }

  private static List<String> outcomes(RobotHarness harness, UUID id) {
    List<String> outcomes = new ArrayList<>();
    await(harness.pool.preparedQuery("SELECT outcome FROM robot_trace WHERE application_id = $1 AND step = 'registers' "
      + "ORDER BY id").execute(Tuple.of(id))).forEach(row -> outcomes.add(row.getString(0)));
    return outcomes;
  }
}
