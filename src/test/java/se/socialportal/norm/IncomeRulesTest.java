package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.norm.NormTestRules.kr;

/** Incomes counted, not counted, exempt in part (prop. 2012/13:94; docs/sources.md#incomes, #jobbstimulans). */
@DisplayName("Incomes: classification, jobbstimulans, children's work income")
class IncomeRulesTest {

  private static final YearMonth OCTOBER_2025 = YearMonth.of(2025, 10);
  private static final HouseholdMember PARENT = HouseholdMember.applicant(LocalDate.of(1985, 4, 2));
  private static final HouseholdMember TEEN = HouseholdMember.child(LocalDate.of(2009, 5, 5));

  @ParameterizedTest(name = "prop. 2012/13:94, pbb {0}: earlier this year {1} kr, now {2} kr → not counted {3}, counted {4}")
  @CsvSource({
    // year, earlier this year, this month, not counted, counted
    "2025, 0,     3000, 3000, 0",      // far under one prisbasbelopp (58 800 kr in 2025)
    "2025, 55800, 3000, 3000, 0",      // reaches exactly one prisbasbelopp
    "2025, 57000, 3000, 1800, 1200",   // crosses it this month: only the part above counts
    "2025, 58800, 3000, 0,    3000",   // already used up
    "2025, 60000, 3000, 0,    3000",
    "2026, 57000, 3000, 2200, 800"     // 2026: 59 200 kr
  })
  void childWorkIncomeUpToOnePrisbasbelopp(int year, long earlier, long now, long notCounted, long counted) {
    NormRules rules = year == 2025 ? NormTestRules.rules2025() : NormTestRules.rules2026();
    HouseholdMember teen = TEEN.withWorkIncomeEarlierThisYear(kr(earlier));
    NormResult result = NormEngine.calculate(new NormInput(YearMonth.of(year, 10), List.of(PARENT, teen), Map.of(),
      List.of(Income.of(1, "salary", now))), rules);
    Line income = result.lines(Section.INCOME).get(0);
    assertEquals(kr(counted), income.amount());
    assertEquals(new Note(NoteCode.CHILD_WORK_INCOME, kr(notCounted), rules.prisbasbelopp().amount(), kr(earlier)),
      income.notes().get(0));
  }

  @Test
  @DisplayName("two work incomes of one child in a month share what is left of the prisbasbelopp, in order")
  void childWorkIncomeAcrossTwoIncomes() {
    HouseholdMember teen = TEEN.withWorkIncomeEarlierThisYear(kr(57000));
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT, teen), Map.of(),
      List.of(Income.of(1, "salary", 1000), Income.of(1, "salary", 2000))), NormTestRules.rules2025());
    assertEquals(kr(0), result.lines(Section.INCOME).get(0).amount());
    assertEquals(kr(1200), result.lines(Section.INCOME).get(1).amount(), "800 of 2 000 still fit under 58 800");
  }

  @ParameterizedTest(name = "jobbstimulans (prop. 2012/13:94): salary {0} → 25 % = {1} not counted, {2} counted")
  @CsvSource({
    "9000,    2250,   6750",
    "1234.55, 308.64, 925.91",   // 308.6375 → 308.64, öre half up
    "0.02,    0.01,   0.01"      // 0.005 → 0.01
  })
  void jobbstimulans(String salary, String notCounted, String counted) {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT.withJobbstimulans()), Map.of(),
      List.of(new Income(0, "salary", kr(salary)))), NormTestRules.rules2025());
    Line line = result.lines(Section.INCOME).get(0);
    assertEquals(kr(counted), line.amount());
    assertEquals(new Note(NoteCode.JOBBSTIMULANS, kr(notCounted), BigDecimal.valueOf(25)), line.notes().get(0));
  }

  @Test
  @DisplayName("jobbstimulans is personal: the sambo's salary counts in full when only the applicant has it")
  void jobbstimulansIsPerPerson() {
    HouseholdMember sambo = HouseholdMember.sambo(LocalDate.of(1987, 1, 1));
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT.withJobbstimulans(), sambo),
      Map.of(), List.of(Income.of(0, "salary", 8000), Income.of(1, "salary", 8000))), NormTestRules.rules2025());
    assertEquals(kr(6000), result.lines(Section.INCOME).get(0).amount());
    assertEquals(kr(8000), result.lines(Section.INCOME).get(1).amount());
  }

  @Test
  @DisplayName("jobbstimulans touches only income of employment, not e.g. a-kassa or barnbidrag")
  void jobbstimulansOnlyOnEmployment() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT.withJobbstimulans()), Map.of(),
      List.of(Income.of(0, "maintenanceSupport", 1000), Income.household("childAllowance", 1250))),
      NormTestRules.rules2025());
    assertEquals(kr(2250), result.incomesTotal());
    assertTrue(result.lines(Section.INCOME).stream().allMatch(line -> line.notes().isEmpty()));
  }

  @Test
  @DisplayName("not counted (Högsby): skattefri handikappersättning is listed with 0 and the reason")
  void notCounted() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT), Map.of(),
      List.of(Income.of(0, "disabilityCompensation", 1500))), NormTestRules.rules2025());
    Line line = result.lines(Section.INCOME).get(0);
    assertEquals(kr(1500), line.entered());
    assertEquals(Amounts.ZERO, line.amount());
    assertTrue(line.has(NoteCode.INCOME_NOT_COUNTED));
  }

  @Test
  @DisplayName("needs review: counted meanwhile and flagged, so the robot raises UNHANDLED_INCOME")
  void needsReview() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT), Map.of(),
      List.of(Income.of(0, "other", 700), Income.of(0, "salary", 100))), NormTestRules.rules2025());
    assertEquals(kr(800), result.incomesTotal());
    assertEquals(1, result.incomesNeedingReview().size());
    assertEquals("other", result.incomesNeedingReview().get(0).subject());
  }

  @Test
  @DisplayName("incomes of people outside the household (lodger, placed child, child over 20) are not counted")
  void outsideHousehold() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER_2025, List.of(PARENT,
      HouseholdMember.otherResident(LocalDate.of(1960, 1, 1)),
      HouseholdMember.child(LocalDate.of(2012, 1, 1)).asPlaced(),
      HouseholdMember.child(LocalDate.of(2003, 1, 1))), Map.of(),
      List.of(Income.of(1, "other", 9000),
        Income.of(2, "childAllowance", 1250), Income.of(3, "salary", 12000))), NormTestRules.rules2025());
    assertEquals(Amounts.ZERO, result.incomesTotal());
    assertTrue(result.lines(Section.INCOME).stream().allMatch(line -> line.has(NoteCode.OUTSIDE_HOUSEHOLD)));
  }
}
