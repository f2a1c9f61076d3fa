package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.norm.NormTestRules.kr;

@DisplayName("Input the engine refuses, field by field")
class NormInputValidationTest {

  private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
  private static final HouseholdMember PARENT = HouseholdMember.applicant(LocalDate.of(1985, 4, 2));
  private static final HouseholdMember CHILD = HouseholdMember.child(LocalDate.of(2016, 1, 1));

  private static NormInput persons(HouseholdMember... persons) {
    return new NormInput(OCTOBER, List.of(persons), Map.of(), List.of());
  }

  private static NormInput incomes(Income... incomes) {
    return new NormInput(OCTOBER, List.of(PARENT, CHILD), Map.of(), List.of(incomes));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
      Arguments.of(persons(), "persons", "required"),
      Arguments.of(persons(CHILD), "persons", "applicant_required"),
      Arguments.of(persons(PARENT, PARENT), "persons[1].role", "one_applicant"),
      Arguments.of(persons(PARENT, HouseholdMember.sambo(LocalDate.of(1980, 1, 1)), HouseholdMember.sambo(LocalDate.of(1981, 1, 1))),
        "persons[2].role", "one_sambo"),
      Arguments.of(persons(PARENT, HouseholdMember.child(LocalDate.of(2025, 11, 1))), "persons[1].birthDate", "born_after_month"),
      Arguments.of(persons(HouseholdMember.applicant(LocalDate.of(2008, 1, 1))), "persons[0].birthDate", "not_adult"),
      Arguments.of(persons(PARENT.withLunchOutsideHome()), "persons[0].lunchOutsideHome", "only_for_children"),
      Arguments.of(persons(PARENT.asPlaced()), "persons[0].placed", "only_for_children"),
      Arguments.of(persons(PARENT.withUmgangeDays(3)), "persons[0].umgangeDays", "only_for_children"),
      Arguments.of(persons(PARENT.withWorkIncomeEarlierThisYear(kr(1))), "persons[0].workIncomeEarlierThisYear", "only_for_children"),
      Arguments.of(persons(PARENT, CHILD.withJobbstimulans()), "persons[1].jobbstimulans", "jobbstimulans_adults_only"),
      Arguments.of(persons(PARENT, CHILD.asPlaced().withUmgangeDays(4)), "persons[1].umgangeDays", "placed_with_umgange"),
      Arguments.of(persons(PARENT, CHILD.withUmgangeDays(32)), "persons[1].umgangeDays", "umgange_days_exceed_month"),
      Arguments.of(persons(PARENT, CHILD.withUmgangeDays(0)), "persons[1].umgangeDays", "too_small"),
      Arguments.of(persons(PARENT, CHILD.withWorkIncomeEarlierThisYear(kr(-1))), "persons[1].workIncomeEarlierThisYear", "negative"),
      Arguments.of(new NormInput(OCTOBER, List.of(PARENT), Map.of(CostType.RENT, kr(-5)), List.of()), "costs.rent", "negative"),
      Arguments.of(new NormInput(OCTOBER, List.of(PARENT), Map.of(CostType.RENT, new BigDecimal("10.005")), List.of()),
        "costs.rent", "too_many_decimals"),
      Arguments.of(incomes(Income.of(2, "salary", 100)), "incomes[0].person", "unknown_person"),
      Arguments.of(incomes(Income.of(0, "lottery", 100)), "incomes[0].type", "unknown_income_type"),
      Arguments.of(incomes(Income.household("salary", 100)), "incomes[0].person", "person_required"),
      Arguments.of(incomes(Income.of(0, "salary", -100)), "incomes[0].amount", "negative"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalid")
  void refused(NormInput input, String field, String code) {
    List<InputProblem> problems = NormEngine.problems(input, NormTestRules.rules2025());
    assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.code().equals(code)), problems.toString());
    InvalidNormInputException thrown = assertThrows(InvalidNormInputException.class,
      () -> NormEngine.calculate(input, NormTestRules.rules2025()));
    assertEquals(problems, thrown.problems());
  }

  @Test
  @DisplayName("a valid household has no problems")
  void valid() {
    assertEquals(List.of(), NormEngine.problems(NormEngineTest.workedExample(OCTOBER, true), NormTestRules.rules2025()));
  }
}
