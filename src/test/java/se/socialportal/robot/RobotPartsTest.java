package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.identity.Personnummer;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.NoRegisterConnection;
import se.socialportal.robot.registers.RegisterAdapters;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterQuery;
import se.socialportal.rules.RobotMotivering;
import se.socialportal.testing.TestClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Robot parts: amounts in Swedish, backoff, the register simulator, the motivering")
class RobotPartsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {"9430; 9 430 kr", "4412.50; 4 412,50 kr", "0; 0 kr", "1250000; 1 250 000 kr",
    "-500; −500 kr"})
  void kronor(String amount, String text) {
    assertEquals(text, Kronor.format(new BigDecimal(amount)));
  }

  @ParameterizedTest(name = "after failure {0}: {1} s")
  @CsvSource({"1, 10", "2, 20", "3, 40", "9, 2560", "10, 3600", "40, 3600"})
  void backoffDoublesUpToAnHour(int failures, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), RobotHarness.SETTINGS.backoffAfter(failures));
  }

  private static RegisterAnswer ask(RegisterSimulator simulator, String pnr, YearMonth month) throws Exception {
    return simulator.fetch(new RegisterQuery(UUID.randomUUID(), Personnummer.of(pnr), month, UUID.randomUUID()))
      .await(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the simulator: data per test identity from every agency, and a-kassa incomplete before its month")
  void simulator() throws Exception {
    RegisterSimulator simulator = new RegisterSimulator(TestClock.stopped(Instant.parse("2025-10-15T10:00:00Z")));
    RegisterAnswer demo = ask(simulator, RobotFixtures.DEMO, YearMonth.of(2025, 10));
    assertEquals(Agency.values().length, demo.agencies().size());
    assertTrue(demo.complete());
    assertEquals(Map.of("activitySupport", "5400.00", "childAllowance", "1250.00", "housingAllowance", "1800.00"),
      demo.payments().stream().collect(java.util.stream.Collectors.toMap(
      p -> p.incomeType(), p -> p.amount().toPlainString())));
    assertEquals(List.of("housingAllowance", "pension"), ask(simulator, RobotFixtures.TOLVAN, YearMonth.of(2025, 10))
      .payments().stream().map(p -> p.incomeType()).sorted().toList());
    assertEquals(List.of("salary", "studentAid"), ask(simulator, RobotFixtures.YLVA, YearMonth.of(2025, 10))
      .payments().stream().map(p -> p.incomeType()).sorted().toList());
    assertEquals("sicknessBenefit", ask(simulator, RobotFixtures.SIGNE, YearMonth.of(2025, 10)).payments().get(0)
      .incomeType());
    RegisterAnswer testaNow = ask(simulator, RobotFixtures.TESTA, YearMonth.of(2025, 10));
    assertTrue(testaNow.complete());
    RegisterAnswer testaNext = ask(simulator, RobotFixtures.TESTA, YearMonth.of(2025, 11));
    assertEquals(List.of(Agency.A_KASSA), testaNext.with(AgencyAnswer.Status.NOT_YET_COMPLETE));
    RegisterAnswer unknown = ask(simulator, "195001019800", YearMonth.of(2025, 10));
    assertTrue(unknown.complete() && unknown.payments().isEmpty(), "someone the simulator does not know has nothing");
    assertFalse(demo.toJson().encode().contains(RobotFixtures.DEMO));
  }

  @Test
  @DisplayName("no register connection: every agency unavailable")
  void noConnection() throws Exception {
    RegisterAnswer answer = new NoRegisterConnection().fetch(new RegisterQuery(UUID.randomUUID(),
      Personnummer.of(RobotFixtures.DEMO), YearMonth.of(2025, 10), UUID.randomUUID())).await(5, TimeUnit.SECONDS);
    assertEquals(Agency.values().length, answer.with(AgencyAnswer.Status.UNAVAILABLE).size());
  }

  @Test
  @DisplayName("the simulator invents data: refused in production, chosen by auto only in demo mode")
  void simulatorOnlyInDemo() {
    AppConfig production = new AppConfig(new JsonObject().put("MODE", "production").put("ROBOT_REGISTERS", "simulator"));
    ConfigException refused = assertThrows(ConfigException.class, () -> RegisterAdapters.from(production,
      () -> new RegisterSimulator(TestClock.stopped(TestClock.START))));
    assertTrue(refused.getMessage().contains(Setting.ROBOT_REGISTERS.name()));
    assertInstanceOf(NoRegisterConnection.class, RegisterAdapters.from(production.with(Setting.ROBOT_REGISTERS, "auto"),
      () -> new RegisterSimulator(TestClock.stopped(TestClock.START))));
    assertInstanceOf(RegisterSimulator.class, RegisterAdapters.from(production.with(Setting.MODE, "demo")
      .with(Setting.ROBOT_REGISTERS, "auto"), () -> new RegisterSimulator(TestClock.stopped(TestClock.START))));
  }

  @Test
  @DisplayName("FL 32 §: an avslag names the rules and the normöverskott")
  void motiveringForAvslag() {
    Calculation avslag = new Calculation("avslag", BigDecimal.ZERO, new BigDecimal("5180"), new BigDecimal("5450"),
      new BigDecimal("12000"), new BigDecimal("1370"), new JsonObject(), Map.of("riksnorm", "riksnorm-2025"), List.of(),
      List.of(), List.of());
    RobotMotivering wording = RobotHarness.rules().inForce("demo", YearMonth.of(2025, 10)).motivering();
    Motivering.Text text = Motivering.write(wording, YearMonth.of(2025, 10),
      new Content(RobotFixtures.single("1980-01-01", 5000, "salary", 12000)), avslag);
    assertTrue(text.text().startsWith("Du har inte rätt till försörjningsstöd för oktober 2025."), text.text());
    assertTrue(text.text().contains("normöverskott 1 370 kr"), text.text());
    assertTrue(text.text().contains("riksnorm-2025"), text.text());
    assertTrue(text.text().contains("en vuxen"), text.text());
    assertEquals(List.of("12 kap. 1 § socialtjänstlagen (2025:400)",
      "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)"), text.legalBasis());
  }

  @Test
  @DisplayName("failure texts never carry a personnummer")
  void failureTextRedacts() {
    assertEquals("IllegalStateException: person [personnummer] saknas",
      FailureText.of(new IllegalStateException("person 199207049843 saknas")));
  }
}
