package se.socialportal.casework.calc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.Income;
import se.socialportal.norm.Line;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormInput;
import se.socialportal.norm.NormResult;
import se.socialportal.robot.NormInputJson;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Adjusted lines are recomputed by the norm engine from the proposal's stored input")
class NormRecalculationTest {

  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static RuleBook book;

  @BeforeAll
  static void load() {
    book = RuleBook.load(Path.of("robots"));
  }

  private static NormInput input(long rent, long salary) {
    return new NormInput(MONTH, List.of(HouseholdMember.applicant(LocalDate.of(1985, 4, 12)),
      HouseholdMember.child(LocalDate.of(2016, 9, 1))),
      Map.of(CostType.RENT, BigDecimal.valueOf(rent).setScale(2), CostType.HOUSEHOLD_ELECTRICITY,
        BigDecimal.valueOf(350).setScale(2)),
      List.of(Income.of(0, "salary", salary)));
  }

  /** What the robot stores: the engine's lines (with a need line of its own) and the input. */
  private static JsonObject proposal(NormInput input) {
    NormResult result = NormEngine.calculate(input, book.normRules("demo", MONTH));
    JsonArray lines = new JsonArray();
    for (Line line : result.lines()) {
      lines.add(new JsonObject().put("section", line.section().name().toLowerCase()).put("code", line.code().key())
        .put("subject", line.subject()).put("persons", new JsonArray(List.copyOf(line.persons())))
        .put("label", "rad " + line.code().key()).put("amount", line.amount().toPlainString())
        .put("entered", line.entered() == null ? null : line.entered().toPlainString()));
    }
    lines.add(new JsonObject().put("section", "need").put("subject", "glasses").put("label", "Glasögon")
      .put("amount", 1800).put("entered", 1800).put("decisionType", "livsforing_ovrigt"));
    return new JsonObject().put("lines", lines).put("input", NormInputJson.write(input));
  }

  private static Calculation recompute(JsonObject stored, List<Adjustment> adjustments) {
    return new NormRecalculation(() -> book).apply(new Recalculation.Context("demo", MONTH, stored),
      Calculation.fromProposal(stored), adjustments);
  }

  @Test
  @DisplayName("without adjustments the engine gives back the proposal's amount")
  void unchanged() {
    JsonObject stored = proposal(input(6500, 4200));
    BigDecimal expected = NormEngine.calculate(input(6500, 4200), book.normRules("demo", MONTH)).amount();
    assertEquals(0, expected.compareTo(recompute(stored, List.of()).forsorjningsstod()));
  }

  @Test
  @DisplayName("a lower rent and a higher salary are recomputed by the engine, caps and income rules included")
  void costAndIncome() {
    JsonObject stored = proposal(input(6500, 4200));
    Calculation adjusted = recompute(stored, List.of(
      new Adjustment("cost:rent", CalcLine.Section.COST, "Hyra", Optional.empty(), new BigDecimal("5000.00"), "Ny hyra"),
      new Adjustment("income:salary:0", CalcLine.Section.INCOME, "Lön", Optional.empty(), new BigDecimal("5100.00"),
        "Lönebesked")));
    BigDecimal expected = NormEngine.calculate(input(5000, 5100), book.normRules("demo", MONTH)).amount();
    assertEquals(0, expected.compareTo(adjusted.forsorjningsstod()), adjusted.toJson().encodePrettily());
    CalcLine rent = adjusted.line("cost:rent").orElseThrow();
    assertTrue(rent.adjusted());
    assertEquals("Ny hyra", rent.reason().orElseThrow());
    assertEquals(0, new BigDecimal("5000").compareTo(rent.entered()));
    assertEquals(1, adjusted.needs().get(DecisionType.LIVSFORING_OVRIGT).size(), "need lines stay");
  }

  @Test
  @DisplayName("a need line and a riksnorm line are overridden as lines; a proposal without input is recomputed line by line")
  void overridesAndFallback() {
    JsonObject stored = proposal(input(6500, 4200));
    Calculation adjusted = recompute(stored, List.of(new Adjustment("need:glasses", CalcLine.Section.NEED, "Glasögon",
      Optional.of(DecisionType.LIVSFORING_OVRIGT), new BigDecimal("1200.00"), "Skäligt pris")));
    assertEquals(0, new BigDecimal("1200").compareTo(Calculation.granted(adjusted.needs().get(DecisionType.LIVSFORING_OVRIGT))));
    JsonObject withoutInput = stored.copy();
    withoutInput.remove("input");
    Calculation byLines = recompute(withoutInput, List.of(new Adjustment("cost:rent", CalcLine.Section.COST, "Hyra",
      Optional.empty(), new BigDecimal("100.00"), "Test")));
    assertEquals(0, new BigDecimal("100").compareTo(byLines.line("cost:rent").orElseThrow().amount()));
  }

  @Test
  @DisplayName("the input survives a round trip through its JSON form")
  void roundTrip() {
    NormInput input = input(6500, 4200);
    assertEquals(input, NormInputJson.read(NormInputJson.write(input)));
  }

  @Test
  @DisplayName("people outside the household are stored as otherAdult or otherChild; otherResident (stored earlier) reads")
  void otherResidents() {
    NormInput input = new NormInput(MONTH, List.of(HouseholdMember.applicant(LocalDate.of(1985, 4, 12)),
      HouseholdMember.otherResident(LocalDate.of(1960, 1, 1)), HouseholdMember.otherResident(LocalDate.of(2015, 1, 1))),
      Map.of(), List.of());
    JsonObject stored = NormInputJson.write(input);
    assertEquals(List.of("applicant", "otherAdult", "otherChild"), stored.getJsonArray("persons").stream()
      .map(person -> ((JsonObject) person).getString("role")).toList());
    stored.getJsonArray("persons").getJsonObject(1).put("role", "otherResident");
    stored.getJsonArray("persons").getJsonObject(2).put("role", "otherResident");
    assertEquals(input, NormInputJson.read(stored));
  }
}
