package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.norm.NormTestRules.kr;

/**
 * Every band of SoF (2025:468) 12 kap. 2 § (2025 table) and its "utan lunch" variant, at the month a child reaches the
 * band and the month before. The age for a month is the age reached during it (docs/norm.md).
 */
@DisplayName("Riksnorm child bands at their birthday boundaries (SoF 12 kap. 2 §, 2025)")
class AgeBandTest {

  @ParameterizedTest(name = "born {0}, {1}: age {2}, {3} kr (lunch outside home: {4} kr)")
  @CsvSource({
    // born, month, age, amount, amount when eating lunch outside the home five days a week
    "2025-10-31, 2025-10, 0, 2720, 2540",   // born during the month: 0 år for the whole month
    "2024-10-31, 2025-09, 0, 2720, 2540",   // the month before the 1st birthday
    "2024-10-31, 2025-10, 1, 3030, 2780",   // turns 1 on the last day of October: 1–2 år all October
    "2022-11-01, 2025-10, 2, 3030, 2780",
    "2022-11-01, 2025-11, 3, 2700, 2480",   // 3 år: the statute's own band, cheaper than 1–2
    "2021-12-31, 2025-11, 3, 2700, 2480",
    "2021-12-31, 2025-12, 4, 3030, 2700",
    "2018-10-20, 2025-09, 6, 3030, 2700",
    "2018-10-20, 2025-10, 7, 3790, 3790",   // turns 7 in the month: 7–10 år, no lunch variant from school age
    "2014-03-01, 2025-02, 10, 3790, 3790",
    "2014-03-01, 2025-03, 11, 4350, 4350",
    "2010-06-30, 2025-05, 14, 4350, 4350",
    "2010-06-30, 2025-06, 15, 4920, 4920",
    "2006-02-10, 2025-01, 18, 4920, 4920",
    "2006-02-10, 2025-02, 19, 4960, 4960",
    "2004-08-15, 2025-07, 20, 4960, 4960",  // the last month as a household child
    "2012-02-29, 2025-02, 13, 4350, 4350"   // 29 February birthday in a non-leap year: counts in February
  })
  void bandAndLunchVariant(String born, String month, int age, int amount, int withoutLunch) {
    YearMonth calculationMonth = YearMonth.parse(month);
    HouseholdMember child = HouseholdMember.child(LocalDate.parse(born));
    assertEquals(age, child.ageIn(calculationMonth));
    assertEquals(kr(amount), childLine(calculationMonth, child).amount());
    Line lunch = childLine(calculationMonth, child.withLunchOutsideHome());
    assertEquals(kr(withoutLunch), lunch.amount());
    assertTrue(lunch.has(amount == withoutLunch ? NoteCode.LUNCH_NOT_APPLICABLE : NoteCode.WITHOUT_LUNCH));
    assertEquals(new Note(NoteCode.AGE, age), lunch.notes().get(0));
  }

  @ParameterizedTest(name = "born {0}: a household child in {1}, an adult outside the household in {2}")
  @CsvSource({
    "2004-08-15, 2025-07, 2025-08",
    "2004-02-29, 2025-01, 2025-02"   // born 29 February: turns 21 in February 2025, which has no 29th
  })
  void turning21LeavesTheHousehold(String born, String before, String after) {
    HouseholdMember child = HouseholdMember.child(LocalDate.parse(born));
    NormResult stillChild = calculate(YearMonth.parse(before), child);
    assertEquals(2, stillChild.householdSize());
    assertEquals(kr(3910 + 4960 + 1400), stillChild.riksnormTotal());

    NormResult adult = calculate(YearMonth.parse(after), child);
    Line line = adult.lines(Section.RIKSNORM).get(1);
    assertEquals(LineCode.ADULT_CHILD, line.code());
    assertEquals(Amounts.ZERO, line.amount());
    assertEquals(1, adult.householdSize());
    assertEquals(2, adult.dwellingSize(), "an adult child living at home still shares the dwelling");
    // 12 kap. 3 § SoF: the parent's household bears its share of the two-person dwelling: 3 910 + 1 400 ÷ 2.
    assertEquals(kr(3910 + 700), adult.riksnormTotal());
  }

  @Test
  @DisplayName("age is the age reached during the month: a birthday on the 1st and on the 31st count alike")
  void ageInMonth() {
    YearMonth october = YearMonth.of(2025, 10);
    assertEquals(7, HouseholdMember.ageIn(LocalDate.of(2018, 10, 1), october));
    assertEquals(7, HouseholdMember.ageIn(LocalDate.of(2018, 10, 31), october));
    assertEquals(6, HouseholdMember.ageIn(LocalDate.of(2018, 11, 1), october));
  }

  private static Line childLine(YearMonth month, HouseholdMember child) {
    return calculate(month, child).lines(Section.RIKSNORM).get(1);
  }

  private static NormResult calculate(YearMonth month, HouseholdMember child) {
    NormInput input = new NormInput(month, List.of(HouseholdMember.applicant(LocalDate.of(1980, 1, 1)), child),
      Map.of(), List.of());
    return NormEngine.calculate(input, NormTestRules.rules2025());
  }
}
