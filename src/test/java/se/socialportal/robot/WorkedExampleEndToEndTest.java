package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * domain.md §1.9 end to end: the household applies month after month, the registers report what it declares, and the
 * robot's own earlier proposals give it jobbstimulans from the seventh month.
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
  @DisplayName("domain.md §1.9: six months of bistånd, then jobbstimulans — 7 180 kr each month, 9 430 kr in the seventh")
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
    assertTrue(proposal.getJsonArray("legal_basis").contains(Motivering.JOBBSTIMULANS));
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

}
