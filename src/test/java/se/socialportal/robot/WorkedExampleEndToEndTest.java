package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Futures;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example (docs/sources.md#worked-example) end to end: the household applies month after month, the
 * registers report what it declares, and the robot's own earlier proposals give it jobbstimulans from the seventh
 * month.
 */
@DisplayName("The worked example end to end: 7 180 kr a month, then 9 430 kr with jobbstimulans")
class WorkedExampleEndToEndTest {

  private static RobotHarness harness;
  private static RobotFixtures fixtures;

  @BeforeAll
  static void start() {
    harness = new RobotHarness("robotworked");
    fixtures = harness.fixtures;
    harness.deploy(RobotHarness.rules(), FixedRegisters.workedExample(), RobotHarness.SETTINGS);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  @DisplayName("Six months of bistånd, then jobbstimulans — 7 180 kr each month, 9 430 kr in the seventh")
  void workedExampleWithJobbstimulans() {
    String demoPnr = RobotFixtures.DEMO;
    UUID demo = fixtures.person(demoPnr);
    YearMonth first = YearMonth.of(2025, 4);
    UUID october = null;
    for (int i = 0; i < 7; i++) {
      YearMonth month = first.plusMonths(i);
      UUID id = fixtures.submit(RobotEndToEndTest.id(false), demo, Optional.empty(), month,
        i == 0 ? "new" : "reapplication", "digital", RobotFixtures.workedExample());
      Row proposal = RobotEndToEndTest.proposalIn(harness, id);
      BigDecimal expected = i < 6 ? new BigDecimal("7180.00") : new BigDecimal("9430.00");
      assertEquals(0, expected.compareTo(proposal.getBigDecimal("amount")), month + ": " + proposal.getBigDecimal("amount"));
      assertEquals("bifall", proposal.getString("outcome"));
      october = id;
    }
    Row proposal = RobotEndToEndTest.proposalIn(harness, october);
    assertEquals(List.of(), RobotEndToEndTest.warningsIn(harness, october), "same household, same register data as last month: nothing to flag");
    assertEquals(List.of("application:ok", "rules:ok", "identity:ok", "registers:ok", "comparison:ok",
      "calculation:ok", "stickprov:ok", "warnings:ok", "automation:ok", "motivering:ok"), RobotEndToEndTest.traceIn(harness, october));
    String motivering = proposal.getString("motivering");
    assertTrue(motivering.contains("9 430 kr"), motivering);
    assertTrue(motivering.contains("jobbstimulans"), motivering);
    assertTrue(motivering.contains("12 kap. 1 § socialtjänstlagen (2025:400)"), motivering);
    assertTrue(motivering.contains("en vuxen och två barn"), motivering);
    assertTrue(proposal.getJsonArray("legal_basis").contains("prop. 2012/13:94 (jobbstimulans)"));
    JsonObject versions = proposal.getJsonObject("rule_versions");
    assertTrue(versions.getString("riksnorm").contains("2025"), versions.encode());
    assertFalse(proposal.getBoolean("decided_automatically"), "the demo tenant automates nothing");
    assertEquals("awaiting_review", proposal.getString("status"));
    assertEquals("under_review", RobotEndToEndTest.statusIn(harness, october));
    assertEquals(1L, fixtures.count("SELECT count(*) FROM application_event WHERE application_id = $1 "
      + "AND type = 'robot_proposal' AND actor_kind = 'robot'", october));
    assertEquals(1L, fixtures.count("SELECT count(*) FROM audit_event WHERE case_id = $1 AND action = 'register.read' "
      + "AND actor_kind = 'robot'", october));
    JsonArray registers = proposal.getJsonObject("register_data").getJsonArray("persons");
    assertEquals(1, registers.size());
    assertFalse(registers.encode().contains(demoPnr), "no personnummer in stored register data");
    assertFalse(fixtures.count("SELECT count(*) FROM robot_trace WHERE application_id = $1 AND "
      + "(input_summary::text LIKE '%" + demoPnr + "%' OR output::text LIKE '%" + demoPnr + "%')",
      october) > 0, "no personnummer in the trace");
  }

  @Test
  @DisplayName("a month whose försörjningsstöd was decided avslag does not count for jobbstimulans, whatever its proposal said")
  void decisionOverridesProposalForJobbstimulans() {
    UUID household = fixtures.syntheticPerson(71);
    YearMonth first = YearMonth.of(2025, 4);
    UUID seventh = null;
    for (int i = 0; i < 7; i++) {
      UUID id = fixtures.submit(RobotEndToEndTest.id(false), household, Optional.empty(), first.plusMonths(i),
        i == 0 ? "new" : "reapplication", "digital", RobotFixtures.workedExample());
      Row proposal = RobotEndToEndTest.proposalIn(harness, id);
      assertEquals("bifall", proposal.getString("outcome"));
      if (i == 1) {
        // May is decided avslag (the proposal said bifall): April, then June–September, is no run of six months.
        Futures.await(harness.pool.preparedQuery("INSERT INTO decision (tenant_id, application_id, "
          + "application_version, proposal_id, decision_set, type, outcome, amount, delegation_amount, motivering, "
          + "decided_by_kind, decided_by_name, decided_by_title, delegation_valid, decided_at) VALUES ('demo', $1, 1, $2, "
          + "gen_random_uuid(), 'forsorjningsstod', 'avslag', 0, 0, 'Avslag.', 'automated', 'Test', 'Test', false, $3)")
          .execute(io.vertx.sqlclient.Tuple.of(id, proposal.getUUID("id"), JobQueue.time(harness.clock.instant()))));
      }
      seventh = id;
    }
    Row proposal = RobotEndToEndTest.proposalIn(harness, seventh);
    assertEquals(0, new BigDecimal("7180.00").compareTo(proposal.getBigDecimal("amount")),
      "no jobbstimulans in October: " + proposal.getBigDecimal("amount"));
  }

}
