package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.robot.registers.NoRegisterConnection;
import se.socialportal.rules.RuleBook;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

@DisplayName("The robot end to end: a submitted application becomes a proposal with trace and warnings")
class RobotEndToEndTest {

  private static RobotHarness harness;
  private static RobotFixtures fixtures;
  private static RuleBook rules;

  @BeforeAll
  static void start() {
    harness = new RobotHarness("robote2e");
    fixtures = harness.fixtures;
    rules = RobotHarness.rules();
    harness.deploy(rules, new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** An application id the fixed seed does not draw for stickprov at 5 % (or does, when {@code sampled}). */
  static UUID id(boolean sampled) {
    while (true) {
      UUID id = UUID.randomUUID();
      if ((Stickprov.value(RobotHarness.SEED, id).compareTo(BigDecimal.valueOf(5)) < 0) == sampled) {
        return id;
      }
    }
  }

  static Row proposal(UUID application) {
    return proposalIn(harness, application);
  }

  static Row proposalIn(RobotHarness in, UUID application) {
    eventually("a proposal for " + application, () -> in.fixtures.count(
      "SELECT count(*) FROM beslutsforslag WHERE application_id = $1", application) == 1);
    return await(in.pool.preparedQuery("SELECT * FROM beslutsforslag WHERE application_id = $1")
      .execute(Tuple.of(application))).iterator().next();
  }

  static List<String> warnings(UUID application) {
    return warningsIn(harness, application);
  }

  static List<String> warningsIn(RobotHarness in, UUID application) {
    List<String> types = new ArrayList<>();
    await(in.pool.preparedQuery("SELECT type FROM case_warning WHERE application_id = $1 ORDER BY type")
      .execute(Tuple.of(application))).forEach(row -> types.add(row.getString(0)));
    return types;
  }

  static List<String> trace(UUID application) {
    return traceIn(harness, application);
  }

  static List<String> traceIn(RobotHarness in, UUID application) {
    List<String> steps = new ArrayList<>();
    await(in.pool.preparedQuery("SELECT step || ':' || outcome FROM robot_trace WHERE application_id = $1 "
      + "ORDER BY id").execute(Tuple.of(application))).forEach(row -> steps.add(row.getString(0)));
    return steps;
  }

  static String status(UUID application) {
    return statusIn(harness, application);
  }

  static String statusIn(RobotHarness in, UUID application) {
    return await(in.pool.preparedQuery("SELECT status FROM application WHERE id = $1")
      .execute(Tuple.of(application))).iterator().next().getString(0);
  }

  @Test
  @DisplayName("changes from last month, register differences, caps, review incomes, needs and stickprov become warnings")
  void warningsFromEverySource() {
    UUID testa = fixtures.person(RobotFixtures.TESTA);
    JsonObject september = RobotFixtures.single("1980-01-01", 5000, "unemploymentBenefit", 11200);
    september.getJsonArray("incomes").add(RobotFixtures.income("applicant", "salary", 2000));
    UUID before = fixtures.submit(id(false), testa, Optional.empty(), YearMonth.of(2025, 9), "new", "digital", september);
    proposal(before);

    JsonObject october = RobotFixtures.single("1980-01-01", 8000, "unemploymentBenefit", 8000);
    october.getJsonArray("incomes").add(RobotFixtures.income("applicant", "other", 500));
    october.getJsonObject("household").getJsonArray("children").add(RobotFixtures.child("Alva", "2019-03-01", "full"));
    october.getJsonObject("housing").put("type", "secondHand");
    october.getJsonObject("costs").put("dentalCare", 300);
    october.getJsonArray("needs").add(new JsonObject().put("type", "glasses").put("amount", 1200));
    UUID now = fixtures.submit(id(true), testa, Optional.empty(), YearMonth.of(2025, 10), "reapplication", "digital",
      october);
    Row proposal = proposal(now);
    List<String> types = warnings(now);
    for (String expected : List.of("DECLARED_VS_REGISTER_MISMATCH", "INCOME_CHANGE", "INCOME_DROPPED", "NEW_INCOME",
      "UNHANDLED_INCOME", "NEW_PERSON", "HOUSEHOLD_CHANGE", "EXPENSE_CAPPED", "NEW_EXPENSE", "STICKPROV")) {
      assertTrue(types.contains(expected), expected + " missing from " + types);
    }
    String change = await(harness.pool.preparedQuery("SELECT message FROM case_warning WHERE application_id = $1 "
      + "AND type = 'INCOME_CHANGE'").execute(Tuple.of(now))).iterator().next().getString(0);
    assertEquals("A-kassa (sökande) har minskat från 11 200 kr till 8 000 kr (−29 %).", change);
    assertEquals("delvis_bifall", proposal.getString("outcome"), "rent capped at the demo limit");
    assertTrue(proposal.getBoolean("stickprov"));
    assertEquals("komplettering_requested", status(now), "a stickprov asks the household for documents");
    Row draw = await(harness.pool.preparedQuery("SELECT * FROM stickprov_draw WHERE application_id = $1")
      .execute(Tuple.of(now))).iterator().next();
    assertTrue(draw.getBoolean("sampled"));
    // What the submission did not already bring: the new dental cost and the higher rent were required with it.
    assertEquals(new io.vertx.core.json.JsonArray().add("bankStatements.applicant").add("costReceipt.homeInsurance"),
      draw.getJsonArray("requested_items"));
    assertEquals(1L, fixtures.count("SELECT count(*) FROM komplettering_request WHERE application_id = $1 "
      + "AND requested_by_kind = 'robot' AND status = 'open'", now));
    assertTrue(trace(now).contains("warnings:warning"));
  }

  @Test
  @DisplayName("register data not complete yet: the job waits, is asked again later, and then proposes")
  void waitsForIncompleteRegisterData() {
    UUID testa = fixtures.person(RobotFixtures.TESTA);
    YearMonth next = harness.clock.thisMonth().plusMonths(1);
    UUID id = fixtures.submit(id(false), testa, Optional.empty(), next, "new", "digital",
      RobotFixtures.single("1980-01-01", 5000, "unemploymentBenefit", 11200));
    eventually("the job waits", () -> "waiting".equals(fixtures.job(id).getString("status")));
    assertTrue(trace(id).contains("registers:retry"), trace(id).toString());
    assertEquals(0L, fixtures.count("SELECT count(*) FROM beslutsforslag WHERE application_id = $1", id));
    // The month begins (and the retry time has passed): the a-kassa has reported.
    harness.clock.advance(Duration.between(harness.clock.instant(),
      next.atDay(2).atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant()));
    Row proposal = proposal(id);
    assertEquals(0, fixtures.job(id).getInteger("failures"));
    assertFalse(warnings(id).contains("MISSING_EXTERNAL_DATA"));
    assertTrue(proposal.getJsonObject("register_data").encode().contains("SO:ARBETSLOSHETSERSATTNING"));
  }

  @Test
  @DisplayName("no register connection: the proposal is made with MISSING_EXTERNAL_DATA")
  void missingRegisterData() {
    RobotHarness.Deployed unconnected = harness.deploy(rules, new NoRegisterConnection(), RobotHarness.SETTINGS);
    try {
      UUID person = fixtures.syntheticPerson(700);
      // Both robots may take it; either way the proposal has the warning only if the unconnected one did.
      UUID id = fixtures.submit(id(false), person, Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
        RobotFixtures.single("1970-01-01", 5000, "salary", 0));
      proposal(id);
      String claimedBy = await(harness.pool.preparedQuery("SELECT claimed_by FROM robot_job WHERE application_id = $1")
        .execute(Tuple.of(id))).iterator().next().getString(0);
      assertEquals(claimedBy.equals(unconnected.verticle().workerId()), warnings(id).contains("MISSING_EXTERNAL_DATA"));
    } finally {
      unconnected.undeploy();
    }
  }

  @Test
  @DisplayName("skyddad folkbokföring: PROTECTED_IDENTITY, and no address or personnummer in what is stored")
  void protectedIdentity() {
    UUID signe = fixtures.person(RobotFixtures.SIGNE);
    fixtures.protect(signe, Protection.SKYDDAD_FOLKBOKFORING);
    JsonObject content = RobotFixtures.single("1985-03-15", 5000, "sicknessBenefit", 6800);
    UUID id = fixtures.submit(id(false), signe, Optional.empty(), YearMonth.of(2025, 10), "new", "digital", content);
    Row proposal = proposal(id);
    assertEquals(List.of("PROTECTED_IDENTITY"), warnings(id));
    assertFalse(proposal.getBoolean("decided_automatically"));
    assertTrue(trace(id).contains("identity:warning"));
  }
}
