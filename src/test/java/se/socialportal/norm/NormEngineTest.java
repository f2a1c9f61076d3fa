package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.norm.NormTestRules.kr;

@DisplayName("Norm engine: the worked example, its variants and the published totals")
class NormEngineTest {

  private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);
  private static final YearMonth OCTOBER_2026 = YearMonth.of(2026, 10);

  /**
   * The worked example (docs/sources.md#worked-example): ensamstående parent with jobbstimulans, a 5-year-old at
   * förskola and a 12-year-old.
   */
  static NormInput workedExample(YearMonth month, boolean jobbstimulans) {
    HouseholdMember parent = HouseholdMember.applicant(LocalDate.of(1990, 5, 5));
    List<HouseholdMember> persons = List.of(
      jobbstimulans ? parent.withJobbstimulans() : parent,
      HouseholdMember.child(LocalDate.of(2020, 3, 1)).withLunchOutsideHome(),
      HouseholdMember.child(LocalDate.of(2013, 4, 1)));
    Map<CostType, BigDecimal> costs = Map.of(
      CostType.RENT, kr(8200), CostType.HOUSEHOLD_ELECTRICITY, kr(450), CostType.HOME_INSURANCE, kr(180),
      CostType.WORK_TRAVEL, kr(930), CostType.UNION_AND_UNEMPLOYMENT_FUND, kr(420), CostType.CHILDCARE, kr(620));
    List<Income> incomes = List.of(Income.of(0, "salary", 9000), Income.household("childAllowance", 2650),
      Income.household("maintenanceSupport", 2600), Income.household("housingAllowance", 2100));
    return new NormInput(month, persons, costs, incomes);
  }

  static NormInput alone(YearMonth month, HouseholdMember... persons) {
    return new NormInput(month, List.of(persons), Map.of(), List.of());
  }

  private static HouseholdMember adult(int year) {
    return HouseholdMember.applicant(LocalDate.of(year, 1, 15));
  }

  static Stream<Arguments> cases() {
    List<HouseholdMember> eight = new ArrayList<>(List.of(adult(1980), HouseholdMember.sambo(LocalDate.of(1981, 2, 2))));
    for (int i = 0; i < 6; i++) {
      eight.add(HouseholdMember.child(LocalDate.of(2012, 1 + i, 1)));
    }
    return Stream.of(
      Arguments.of("worked example (2025): 9 430 kr",
        workedExample(OCTOBER_2025, true), NormTestRules.rules2025(), "12730", "10800", "14100", "9430", Outcome.BIFALL),
      Arguments.of("worked example variant: without jobbstimulans the salary counts in full → 7 180 kr",
        workedExample(OCTOBER_2025, false), NormTestRules.rules2025(), "12730", "10800", "16350", "7180", Outcome.BIFALL),
      Arguments.of("worked example variant: with the derived 2026 norm the riksnorm part is 12 820 kr",
        workedExample(OCTOBER_2026, true), NormTestRules.rules2026(), "12820", "10800", "14100", "9520", Outcome.BIFALL),
      Arguments.of("variant / 12 kap. 3 § SoF: non-sambo adult, 22, in a 4-person dwelling: 3 910 + 2 010 ÷ 4",
        alone(OCTOBER_2025, HouseholdMember.applicant(LocalDate.of(2003, 5, 5)),
          HouseholdMember.otherResident(LocalDate.of(1970, 1, 1)), HouseholdMember.otherResident(LocalDate.of(1972, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(2010, 1, 1))),
        NormTestRules.rules2025(), "4412.50", "0", "0", "4413", Outcome.BIFALL),
      Arguments.of("worked example variant / R2: household of 8 → common costs 2 810 + 190 = 3 000",
        new NormInput(OCTOBER_2025, eight, Map.of(), List.of()), NormTestRules.rules2025(),
        String.valueOf(7050 + 6 * 4350 + 3000), "0", "0", String.valueOf(7050 + 6 * 4350 + 3000), Outcome.BIFALL),
      Arguments.of("R9: income above the need → normöverskott, avslag with amount 0",
        new NormInput(OCTOBER_2025, List.of(adult(1980)), Map.of(CostType.RENT, kr(5000)),
          List.of(Income.of(0, "salary", 12000))),
        NormTestRules.rules2025(), "5180", "5000", "12000", "0", Outcome.AVSLAG),
      Arguments.of("SoF 2025:468 12 kap. 2 §: single person 2025 = 3 910 + 1 270 = 5 180",
        alone(OCTOBER_2025, adult(1980)), NormTestRules.rules2025(), "5180", "0", "0", "5180", Outcome.BIFALL),
      Arguments.of("SoF 2025:468 12 kap. 2 §: couple 2025 = 7 050 + 1 400 = 8 450",
        alone(OCTOBER_2025, adult(1980), HouseholdMember.sambo(LocalDate.of(1982, 3, 3))), NormTestRules.rules2025(),
        "8450", "0", "0", "8450", Outcome.BIFALL),
      Arguments.of("regeringen.se 2025-11 (verified): single person 2026 = 5 220",
        alone(OCTOBER_2026, adult(1980)), NormTestRules.rules2026(), "5220", "0", "0", "5220", Outcome.BIFALL),
      Arguments.of("regeringen.se 2025-11 (verified): couple 2026 = 8 510",
        alone(OCTOBER_2026, adult(1980), HouseholdMember.sambo(LocalDate.of(1982, 3, 3))), NormTestRules.rules2026(),
        "8510", "0", "0", "8510", Outcome.BIFALL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void calculates(String source, NormInput input, NormRules rules, String riksnorm, String costs, String incomes,
                  String amount, Outcome outcome) {
    NormResult result = NormEngine.calculate(input, rules);
    assertEquals(new BigDecimal(riksnorm).setScale(2), result.riksnormTotal(), "riksnorm");
    assertEquals(new BigDecimal(costs).setScale(2), result.costsTotal(), "costs");
    assertEquals(new BigDecimal(incomes).setScale(2), result.incomesTotal(), "incomes");
    assertEquals(new BigDecimal(amount), result.amount(), "amount");
    assertEquals(outcome, result.outcome());
    assertEquals(rules.versions(), result.ruleVersions());
  }

  @ParameterizedTest(name = "every total is the sum of its lines: {0}")
  @MethodSource("cases")
  void everyNumberIsExplainedByLines(String source, NormInput input, NormRules rules) {
    NormResult result = NormEngine.calculate(input, rules);
    assertEquals(sum(result, Section.RIKSNORM), result.riksnormTotal());
    assertEquals(sum(result, Section.COST), result.costsTotal());
    assertEquals(sum(result, Section.INCOME), result.incomesTotal());
    assertEquals(result.need().subtract(result.incomesTotal()), result.exactResult());
  }

  @Test
  @DisplayName("the worked example's lines: parent 3 910, child 4–6 utan lunch 2 700, child 11–14 4 350, common 1 770, salary 9 000 → 6 750")
  void workedExampleLines() {
    NormResult result = NormEngine.calculate(workedExample(OCTOBER_2025, true), NormTestRules.rules2025());
    List<Line> riksnorm = result.lines(Section.RIKSNORM);
    assertEquals(LineCode.SINGLE, riksnorm.get(0).code());
    assertEquals(kr(3910), riksnorm.get(0).amount());
    assertEquals(kr(2700), riksnorm.get(1).amount());
    assertEquals(List.of("4–6"), riksnorm.get(1).args());
    assertTrue(riksnorm.get(1).has(NoteCode.WITHOUT_LUNCH));
    assertEquals(kr(4350), riksnorm.get(2).amount());
    assertEquals(LineCode.COMMON, riksnorm.get(3).code());
    assertEquals(kr(1770), riksnorm.get(3).amount());
    Line salary = result.lines(Section.INCOME).get(0);
    assertEquals(kr(9000), salary.entered());
    assertEquals(kr(6750), salary.amount());
    assertEquals(new Note(NoteCode.JOBBSTIMULANS, kr(2250), BigDecimal.valueOf(25)), salary.notes().get(0));
    assertEquals(kr(23530), result.need());
    assertEquals(3, result.householdSize());
  }

  @Test
  @DisplayName("household of 8: the common-cost line is 3 000 and says why (R2)")
  void largeHouseholdLine() {
    List<HouseholdMember> persons = new ArrayList<>(List.of(adult(1980), HouseholdMember.sambo(LocalDate.of(1981, 2, 2))));
    for (int i = 0; i < 6; i++) {
      persons.add(HouseholdMember.child(LocalDate.of(2012, 1 + i, 1)));
    }
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, persons, Map.of(), List.of()),
      NormTestRules.rules2025());
    Line common = result.lines(Section.RIKSNORM).stream().filter(line -> line.code() == LineCode.COMMON).findFirst().orElseThrow();
    assertEquals(kr(3000), common.amount());
    assertEquals(new Note(NoteCode.LARGE_HOUSEHOLD, kr(2810), 1, kr(190)), common.notes().get(0));
    assertEquals(kr(2810 + 2 * 190), NormTestRules.riksnorm2025().common(9), "each further person adds 190");
  }

  @Test
  @DisplayName("normöverskott: avslag, amount 0, and how much income exceeds the need")
  void normoverskott() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(adult(1980)),
      Map.of(CostType.RENT, kr(5000)), List.of(Income.of(0, "salary", 12000))), NormTestRules.rules2025());
    assertEquals(Outcome.AVSLAG, result.outcome());
    assertEquals(kr(1820), result.normoverskott());
  }

  @Test
  @DisplayName("rounding: öre kept in lines, the amount to grant rounded half up to whole kronor; below 50 öre left is avslag")
  void rounding() {
    // 3 910 + 1 400 ÷ 2 = 4 610; a salary of 4 609.50 leaves 0.50 → 1 kr, 4 609.51 leaves 0.49 → 0 kr = avslag.
    HouseholdMember single = adult(1980);
    HouseholdMember lodger = HouseholdMember.otherResident(LocalDate.of(1975, 1, 1));
    NormResult half = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(single, lodger), Map.of(),
      List.of(new Income(0, "salary", kr("4609.50")))), NormTestRules.rules2025());
    assertEquals(new BigDecimal("0.50"), half.exactResult());
    assertEquals(BigDecimal.ONE, half.amount());
    assertEquals(Outcome.BIFALL, half.outcome());
    NormResult less = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(single, lodger), Map.of(),
      List.of(new Income(0, "salary", kr("4609.51")))), NormTestRules.rules2025());
    assertEquals(BigDecimal.ZERO, less.amount());
    assertEquals(Outcome.AVSLAG, less.outcome());
    assertEquals(Amounts.ZERO, less.normoverskott(), "a need of 49 öre is not an overskott, only too little to pay");
  }

  private static BigDecimal sum(NormResult result, Section section) {
    return result.lines(section).stream().map(Line::amount).reduce(Amounts.ZERO, BigDecimal::add);
  }
}
