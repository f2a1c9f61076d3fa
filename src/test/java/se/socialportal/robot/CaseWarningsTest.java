package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.identity.Personnummer;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterPayment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every warning type from the facts that raise it. Types and meanings: Sundsvall's warnings (Warning.java,
 * docs/sources.md#sundsvall), the robot's own DECLARED_VS_REGISTER_MISMATCH / PROTECTED_IDENTITY / STICKPROV
 * (docs/sources.md#register-data-ssbtek, #protected-identities, #likabehandling-and-stickprov); thresholds from
 * robots/warning-rules (INCOME_CHANGE ≥ 20 % and ≥ 500 kr, mismatch > 100 kr).
 */
@DisplayName("Warnings a handläggare must acknowledge, by the facts that raise them")
class CaseWarningsTest {

  static final RobotRules RULES = new RobotRules(RobotHarness.rules().normRules("demo", java.time.YearMonth.of(2025, 6)),
    BigDecimal.valueOf(20), BigDecimal.valueOf(500), BigDecimal.valueOf(100), BigDecimal.valueOf(5), "s", Set.of(), "",
    Map.of(), RobotHarness.rules().inForce("demo", java.time.YearMonth.of(2025, 6)).motivering());
  static final UUID APPLICANT = UUID.randomUUID();
  private static final Instant SUBMITTED = Instant.parse("2025-10-03T08:00:00Z");

  static JsonObject household() {
    JsonObject content = RobotFixtures.single("1980-01-01", 5000, "unemploymentBenefit", 10000);
    content.getJsonObject("household").getJsonArray("children").add(RobotFixtures.child("Alva", "2019-03-01", "full"));
    return content;
  }

  static Arguments row(String name, Consumer<JsonObject> change, String... expected) {
    return Arguments.of(name, change, List.of(expected));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
      row("nothing changed", c -> { }),
      row("a-kassa 10 000 → 8 000 (−20 %, −2 000 kr): INCOME_CHANGE", c -> amount(c, 0, 8000), "INCOME_CHANGE"),
      row("a-kassa 10 000 → 8 100 (−19 %): below the percentage", c -> amount(c, 0, 8100)),
      row("a-kassa 10 000 → 12 000 (+20 %): INCOME_CHANGE", c -> amount(c, 0, 12000), "INCOME_CHANGE"),
      row("a new income: NEW_INCOME", c -> c.getJsonArray("incomes").add(RobotFixtures.income("applicant",
        "depositsAndSwish", 300)), "NEW_INCOME"),
      row("an income of a type to judge: NEW_INCOME and UNHANDLED_INCOME (calculation)",
        c -> c.getJsonArray("incomes").add(RobotFixtures.income("applicant", "other", 300)), "NEW_INCOME"),
      row("a-kassa gone: INCOME_DROPPED", c -> c.getJsonArray("incomes").clear(), "INCOME_DROPPED"),
      row("a new cost: NEW_EXPENSE", c -> c.getJsonObject("costs").put("dentalCare", 400), "NEW_EXPENSE"),
      row("a need (livsföring i övrigt): NEW_EXPENSE", c -> c.getJsonArray("needs").add(new JsonObject()
        .put("type", "glasses").put("amount", 1500)), "NEW_EXPENSE"),
      row("a cost changed: shown in the comparison, no warning type", c -> c.getJsonObject("costs")
        .put("homeInsurance", 200)),
      row("a new child: NEW_PERSON", c -> c.getJsonObject("household").getJsonArray("children")
        .add(RobotFixtures.child("Bo", "2024-01-01", "full")), "NEW_PERSON"),
      row("a sambo moved in: NEW_PERSON", c -> c.getJsonObject("household").put("coApplicant", new JsonObject()
        .put("relation", "sambo").put("birthDate", "1981-02-02")), "NEW_PERSON"),
      row("the child was placed: HOUSEHOLD_CHANGE", c -> c.getJsonObject("household").getJsonArray("children")
        .getJsonObject(0).put("livesHere", "placed"), "HOUSEHOLD_CHANGE"),
      row("the child moved out: HOUSEHOLD_CHANGE", c -> c.getJsonObject("household").getJsonArray("children").clear(),
        "HOUSEHOLD_CHANGE"),
      row("new housing type: HOUSEHOLD_CHANGE", c -> c.getJsonObject("housing").put("type", "secondHand"),
        "HOUSEHOLD_CHANGE"),
      row("a child added first: only NEW_PERSON (Alva moving to place 1 is no change)", c -> {
        c.getJsonObject("household").getJsonArray("children").add(0, RobotFixtures.child("Bo", "2024-01-01", "full"));
      }, "NEW_PERSON"));
  }

  private static void amount(JsonObject content, int income, long amount) {
    content.getJsonArray("incomes").getJsonObject(income).put("amount", amount);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void comparedWithLastMonth(String name, Consumer<JsonObject> change, List<String> expected) {
    JsonObject now = household();
    change.accept(now);
    CaseState state = state(now, Optional.of(household()));
    List<String> types = CaseWarnings.evaluate(state).stream().map(RaisedWarning::type).sorted().toList();
    assertEquals(expected.stream().sorted().toList(), types);
  }

  static Stream<Arguments> registers() {
    return Stream.of(
      Arguments.of("register agrees with the application", 10000, "A_KASSA", 10000, List.of()),
      Arguments.of("within 100 kr", 10000, "A_KASSA", 10099, List.of()),
      Arguments.of("a-kassa reports 1 000 kr more: DECLARED_VS_REGISTER_MISMATCH", 10000, "A_KASSA", 11000,
        List.of("DECLARED_VS_REGISTER_MISMATCH")),
      Arguments.of("salary in Skatteverket's register not declared, declared a-kassa not in its register: two", 10000,
        "SKATTEVERKET", 3000, List.of("DECLARED_VS_REGISTER_MISMATCH", "DECLARED_VS_REGISTER_MISMATCH")),
      Arguments.of("an agency could not answer: MISSING_EXTERNAL_DATA, and nothing compared for it", 10000,
        "UNAVAILABLE", 0, List.of("MISSING_EXTERNAL_DATA")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("registers")
  void comparedWithRegisters(String name, long declared, String source, long registered, List<String> expected) {
    JsonObject content = RobotFixtures.single("1980-01-01", 5000, "unemploymentBenefit", declared);
    CaseState state = state(content, Optional.empty());
    List<AgencyAnswer> answers = new ArrayList<>();
    for (Agency agency : Agency.values()) {
      if (source.equals("UNAVAILABLE") && agency == Agency.A_KASSA) {
        answers.add(AgencyAnswer.unavailable(agency));
        state.missingAgencies.add(agency);
      } else if (source.equals("A_KASSA") && agency == Agency.A_KASSA) {
        answers.add(AgencyAnswer.complete(agency, List.of(pay(agency, "unemploymentBenefit", registered)), Map.of()));
      } else if (source.equals("SKATTEVERKET") && agency == Agency.SKATTEVERKET) {
        answers.add(AgencyAnswer.complete(agency, List.of(pay(agency, "salary", registered)), Map.of()));
      } else {
        answers.add(AgencyAnswer.complete(agency, List.of(), Map.of()));
      }
    }
    state.registers.put(APPLICANT, new RegisterAnswer(APPLICANT, YearMonth.of(2025, 10), answers));
    List<String> types = CaseWarnings.evaluate(state).stream().map(RaisedWarning::type).sorted().toList();
    assertEquals(expected, types);
  }

  private static RegisterPayment pay(Agency agency, String type, long amount) {
    return new RegisterPayment(agency, "X", type, "x", BigDecimal.valueOf(amount));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("Protected identity → PROTECTED_IDENTITY; the capped cost and review income of the "
    + "calculation → EXPENSE_CAPPED, UNHANDLED_INCOME; a stickprov → STICKPROV")
  void fromIdentityCalculationAndStickprov() {
    CaseState state = state(household(), Optional.empty());
    state.protectedRoles.add("applicant");
    state.calculation = new Calculation("delvis_bifall", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE,
      BigDecimal.ONE, BigDecimal.ZERO, new JsonObject(), Map.of(),
      List.of(new Calculation.CappedCost("rent", BigDecimal.valueOf(9000), BigDecimal.valueOf(7300))),
      List.of(new Calculation.ReviewIncome("applicant", "other", BigDecimal.valueOf(300))), List.of());
    state.stickprov = new Stickprov.Draw(BigDecimal.ONE, BigDecimal.valueOf(5), "s", true, "test", List.of());
    List<RaisedWarning> warnings = CaseWarnings.evaluate(state);
    assertEquals(List.of("EXPENSE_CAPPED", "PROTECTED_IDENTITY", "STICKPROV", "UNHANDLED_INCOME"),
      warnings.stream().map(RaisedWarning::type).sorted().toList());
    assertEquals("Hyra/boendekostnad 9 000 kr är högre än kommunens skälighetsnivå. Förslaget räknar med 7 300 kr.",
      warnings.stream().filter(w -> w.type().equals("EXPENSE_CAPPED")).findFirst().orElseThrow().message());
  }

  static CaseState state(JsonObject content, Optional<JsonObject> lastMonth) {
    ClaimedJob job = new ClaimedJob(1, "demo", UUID.randomUUID(), 1, 1, 0, SUBMITTED, Optional.empty(), "w");
    CaseFile.Application application = new CaseFile.Application(job.applicationId(), "demo", YearMonth.of(2025, 10),
      "reapplication", "digital", "submitted", 1, APPLICANT, Optional.empty(), content);
    List<CaseFile.EarlierApplication> earlier = lastMonth.map(previous -> List.of(new CaseFile.EarlierApplication(
      UUID.randomUUID(), YearMonth.of(2025, 9), previous, Optional.empty(), Optional.of("bifall")))).orElse(List.of());
    CaseFile file = new CaseFile(job, application, List.of(new CaseFile.Adult("applicant", APPLICANT,
      Personnummer.of(RobotFixtures.TESTA), Protection.NONE)), earlier, Map.of());
    CaseState state = new CaseState(file);
    state.rules = RULES;
    state.comparison = LastMonthComparison.compare(file);
    return state;
  }
}
