package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.rules.RuleBook;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.robot.RobotHarness.eventually;
import static se.socialportal.testing.Futures.await;

@DisplayName("Automated decisions (KL 6 kap. 37 §) only where allowed; stickprov reproducible and blind to the channel")
class AutomationAndStickprovTest {

  private static RobotHarness harness;
  private static RobotFixtures fixtures;

  /** robots/ with the demo tenant letting the robot decide bifall. */
  static RuleBook rulesAllowingBifall() throws IOException {
    Path copy = Files.createTempDirectory("robots");
    Path source = Path.of("robots");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path automation = copy.resolve("tenants/demo/automation-2025.json");
    JsonObject rule = new JsonObject(Files.readString(automation));
    rule.put("version", "test-automation-bifall").getJsonArray("decisionTypes").add("forsorjningsstodBifall");
    Files.writeString(automation, rule.encodePrettily());
    return RuleBook.load(copy);
  }

  @BeforeAll
  static void start() throws IOException {
    harness = new RobotHarness("robotautomation");
    fixtures = harness.fixtures;
    harness.deploy(rulesAllowingBifall(), new RegisterSimulator(harness.clock), RobotHarness.SETTINGS);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static Row proposal(UUID id) {
    return RobotEndToEndTest.proposalIn(harness, id);
  }

  /** Last month and this month, the same single household with no income. */
  private static UUID reapplication(UUID person, boolean sampledNow) {
    JsonObject content = RobotFixtures.single("1975-05-05", 5000, "salary", 0);
    proposal(fixtures.submit(RobotEndToEndTest.id(false), person, Optional.empty(), YearMonth.of(2025, 9), "new",
      "digital", content));
    return fixtures.submit(RobotEndToEndTest.id(sampledNow), person, Optional.empty(), YearMonth.of(2025, 10),
      "reapplication", "digital", content);
  }

  @Test
  @DisplayName("allowed, re-application, no warning, no stickprov: decided automatically, recorded with rule versions")
  void automatedWhenAllowed() {
    UUID id = reapplication(fixtures.syntheticPerson(11), false);
    Row proposal = proposal(id);
    assertTrue(proposal.getBoolean("decided_automatically"));
    assertEquals("decided", proposal.getString("status"));
    assertEquals("test-automation-bifall", proposal.getJsonObject("rule_versions").getString("automation"));
    Row event = await(harness.pool.preparedQuery("SELECT status, actor_kind, data FROM application_event "
      + "WHERE application_id = $1 AND type = 'decided'").execute(Tuple.of(id))).iterator().next();
    assertEquals("robot", event.getString("actor_kind"));
    assertTrue(event.getJsonObject("data").getBoolean("automated"));
    assertTrue(event.getJsonObject("data").getJsonObject("ruleVersions").getString("riksnorm").contains("2025"));
    assertEquals("decided", RobotEndToEndTest.statusIn(harness, id));

    // FL 31 §: the decision itself, resting on the automation rule as its delegation.
    Row decision = await(harness.pool.preparedQuery("SELECT * FROM decision WHERE application_id = $1")
      .execute(Tuple.of(id))).iterator().next();
    assertEquals("automated", decision.getString("decided_by_kind"));
    assertEquals("forsorjningsstod", decision.getString("type"));
    assertEquals("bifall", decision.getString("outcome"));
    assertEquals(0, proposal.getBigDecimal("amount").compareTo(decision.getBigDecimal("amount")));
    assertEquals(proposal.getUUID("id"), decision.getUUID("proposal_id"));
    assertTrue(decision.getBoolean("delegation_valid"));
    assertEquals("test-automation-bifall", decision.getString("delegation_version"));
    assertEquals("automation:forsorjningsstodBifall", decision.getString("delegation_row"));
    assertTrue(decision.getString("delegation_source").contains("6 kap. 37 §"), decision.getString("delegation_source"));
    assertEquals(proposal.getJsonObject("rule_versions"), decision.getJsonObject("rule_versions"));
    assertEquals(proposal.getString("motivering"), decision.getString("motivering"));
    assertEquals(decision.getUUID("decision_set").toString(), event.getJsonObject("data").getString("decisionSet"));

    // FL 33 §: the letter, for the household on Mina sidor, saying the decision was automated and how to appeal.
    Row letter = await(harness.pool.preparedQuery("SELECT l.id, l.pdf, l.recipient_ids FROM decision_letter l "
      + "JOIN decision_letter_decision d ON d.letter_id = l.id WHERE d.decision_id = $1")
      .execute(Tuple.of(decision.getUUID("id")))).iterator().next();
    assertEquals(event.getJsonObject("data").getString("letterId"), letter.getUUID("id").toString());
    String text = se.socialportal.testing.PdfText.of(letter.getBuffer("pdf").getBytes()).replaceAll("\\s+", " ");
    assertTrue(text.contains("automatiserat"), text);
    assertTrue(text.contains(decision.getString("delegation_source")), "the nämnd's automation decision: " + text);
    assertFalse(text.contains("test-automation-bifall"), "no internal version id: " + text);
    assertTrue(text.contains("förvaltningsrätten"), text);
    assertTrue(text.contains("tre veckor"), text);
    eventually("the letter handed to the digital mailbox", () -> fixtures.count("SELECT count(*) FROM decision_letter "
      + "WHERE id = $1 AND mailbox_status = 'handed_over'", letter.getUUID("id")) == 1);
  }

  @Test
  @DisplayName("the first application of a household is never decided automatically")
  void firstApplicationGoesToAPerson() {
    UUID id = fixtures.submit(RobotEndToEndTest.id(false), fixtures.syntheticPerson(12), Optional.empty(),
      YearMonth.of(2025, 10), "new", "digital", RobotFixtures.single("1975-05-05", 5000, "salary", 0));
    assertFalse(proposal(id).getBoolean("decided_automatically"));
    assertEquals("under_review", RobotEndToEndTest.statusIn(harness, id));
    assertEquals(0L, fixtures.count("SELECT count(*) FROM decision WHERE application_id = $1", id), "no decision");
  }

  @Test
  @DisplayName("protected identity is never decided automatically, whatever the rules allow")
  void protectedNeverAutomated() {
    UUID person = fixtures.syntheticPerson(13);
    fixtures.protect(person, Protection.SEKRETESSMARKERING);
    UUID id = reapplication(person, false);
    Row proposal = proposal(id);
    assertFalse(proposal.getBoolean("decided_automatically"));
    assertEquals("under_review", RobotEndToEndTest.statusIn(harness, id));
    assertTrue(RobotEndToEndTest.warningsIn(harness, id).contains("PROTECTED_IDENTITY"));
  }

  @Test
  @DisplayName("a stickprov keeps the case from automation and asks the household for documents")
  void stickprovNeverAutomated() {
    UUID id = reapplication(fixtures.syntheticPerson(14), true);
    Row proposal = proposal(id);
    assertFalse(proposal.getBoolean("decided_automatically"));
    assertTrue(proposal.getBoolean("stickprov"));
    assertEquals(java.util.List.of("STICKPROV"), RobotEndToEndTest.warningsIn(harness, id));
    assertEquals("komplettering_requested", RobotEndToEndTest.statusIn(harness, id));
    assertEquals(1L, fixtures.count("SELECT count(*) FROM komplettering_request WHERE application_id = $1 "
      + "AND requested_by_kind = 'robot' AND items @> '[\"bankStatements.applicant\", \"housingCost.housing\"]'", id));
    assertEquals(1L, fixtures.count("SELECT count(*) FROM notification_outbox WHERE application_id = $1 "
      + "AND kind = 'komplettering_requested'", id), "the household is told");
  }

  @Test
  @DisplayName("the same application drawn on paper and digitally gets the same number and the same result")
  void stickprovIsChannelBlind() {
    UUID sameId = RobotEndToEndTest.id(true);
    JsonObject content = RobotFixtures.single("1975-05-05", 5000, "salary", 0);
    fixtures.submit(sameId, fixtures.syntheticPerson(15), Optional.empty(), YearMonth.of(2025, 10), "new", "digital",
      content);
    try (RobotHarness other = new RobotHarness("robotpaper")) {
      other.deploy(RobotHarness.rules(), new RegisterSimulator(other.clock), RobotHarness.SETTINGS);
      other.fixtures.submit(sameId, other.fixtures.syntheticPerson(15), Optional.empty(), YearMonth.of(2025, 10), "new",
        "paper", content);
      Row digital = draw(harness, sameId);
      Row paper = draw(other, sameId);
      assertEquals(0, digital.getBigDecimal("draw").compareTo(paper.getBigDecimal("draw")));
      assertTrue(digital.getBoolean("sampled") && paper.getBoolean("sampled"));
      assertEquals(digital.getJsonArray("requested_items"), paper.getJsonArray("requested_items"));
      assertEquals(0, Stickprov.value(RobotHarness.SEED, sameId).compareTo(digital.getBigDecimal("draw")),
        "the draw can be recomputed from the seed and the application id alone");
    }
  }

  private static Row draw(RobotHarness in, UUID id) {
    eventually("a draw", () -> in.fixtures.count("SELECT count(*) FROM stickprov_draw WHERE application_id = $1", id) == 1);
    return await(in.pool.preparedQuery("SELECT * FROM stickprov_draw WHERE application_id = $1")
      .execute(Tuple.of(id))).iterator().next();
  }

  @Test
  @DisplayName("the draw hits the tenant's rate: about 5 % of 20 000 application ids")
  void rateIsRespected() {
    int sampled = 0;
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      UUID id = new UUID(random.nextLong(), random.nextLong());
      if (Stickprov.draw(RobotHarness.SEED, id, BigDecimal.valueOf(5), "v").sampled()) {
        sampled++;
      }
    }
    // 5 % of 20 000 = 1 000; the binomial standard deviation is about 31.
    assertTrue(sampled > 880 && sampled < 1120, "sampled " + sampled);
    assertFalse(Stickprov.draw(RobotHarness.SEED, UUID.randomUUID(), BigDecimal.ZERO, "v").sampled(),
      "rate 0 draws nobody");
  }
}
