package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
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
import static se.socialportal.norm.NormTestRules.kr;

/** Who belongs to the household and how the common costs are shared (SoF 12 kap. 2–3 §§, SOSFS 2013:1). */
@DisplayName("Household composition: placed children, umgänge, shared dwellings")
class HouseholdRulesTest {

  private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
  private static final HouseholdMember PARENT = HouseholdMember.applicant(LocalDate.of(1985, 4, 2));
  private static final HouseholdMember SAMBO = HouseholdMember.sambo(LocalDate.of(1987, 1, 1));
  private static final HouseholdMember CHILD_9 = HouseholdMember.child(LocalDate.of(2016, 1, 1));

  static Stream<Arguments> households() {
    return Stream.of(
      Arguments.of("R5 (Flen): a placed child is not in the household — parent + placed child = single 5 180",
        List.of(PARENT, CHILD_9.asPlaced()), 1, 1, "5180"),
      Arguments.of("R5: placed child beside a child at home — 3 910 + 3 790 + common for 2 (1 400)",
        List.of(PARENT, CHILD_9, HouseholdMember.child(LocalDate.of(2012, 3, 1)).asPlaced()), 2, 2, "9100"),
      Arguments.of("R4 (SOSFS 2013:1): umgänge 10 of 31 days — 3 790 × 10/31 = 1 222.58; the child counts in the household size",
        List.of(PARENT, CHILD_9.withUmgangeDays(10)), 2, 2, "6532.58"),
      Arguments.of("R4: umgänge every day of the month is the full amount",
        List.of(PARENT, CHILD_9.withUmgangeDays(31)), 2, 2, "9100"),
      Arguments.of("R4: umgänge 1 day — 3 790 ÷ 31 = 122.26 (öre, half up)",
        List.of(PARENT, CHILD_9.withUmgangeDays(1)), 2, 2, "5432.26"),
      Arguments.of("12 kap. 3 § SoF: single applicant sharing with a lodger — 3 910 + 1 400 ÷ 2",
        List.of(PARENT, HouseholdMember.otherResident(LocalDate.of(1960, 1, 1))), 1, 2, "4610"),
      Arguments.of("12 kap. 3 § SoF: couple + child sharing with an adult child of 22 — 7 050 + 3 790 + 2 010 × 3/4",
        List.of(PARENT, SAMBO, CHILD_9, HouseholdMember.otherResident(LocalDate.of(2003, 5, 5))), 3, 4, "12347.50"),
      Arguments.of("12 kap. 3 § SoF: share of a shared dwelling rounded to öre — 3 910 + 1 770 ÷ 3 = 4 500",
        List.of(PARENT, HouseholdMember.otherResident(LocalDate.of(1960, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(1962, 1, 1))), 1, 3, "4500"),
      Arguments.of("12 kap. 3 § + R2: a share of a dwelling of 9 — 3 910 + (2 810 + 2 × 190) ÷ 9",
        List.of(PARENT, HouseholdMember.otherResident(LocalDate.of(1960, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(1961, 1, 1)), HouseholdMember.otherResident(LocalDate.of(1962, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(1963, 1, 1)), HouseholdMember.otherResident(LocalDate.of(1964, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(1965, 1, 1)), HouseholdMember.otherResident(LocalDate.of(1966, 1, 1)),
          HouseholdMember.otherResident(LocalDate.of(1967, 1, 1))), 1, 9, "4264.44"),
      Arguments.of("a 21-year-old 'child' visiting on umgänge is neither in the household nor in the dwelling",
        List.of(PARENT, HouseholdMember.child(LocalDate.of(2004, 1, 1)).withUmgangeDays(4)), 1, 1, "5180"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("households")
  void riksnorm(String source, List<HouseholdMember> persons, int householdSize, int dwellingSize, String riksnorm) {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER, persons, Map.of(), List.of()),
      NormTestRules.rules2025());
    assertEquals(householdSize, result.householdSize(), "household size");
    assertEquals(dwellingSize, result.dwellingSize(), "dwelling size");
    assertEquals(new BigDecimal(riksnorm).setScale(2), result.riksnormTotal());
  }

  @org.junit.jupiter.api.Test
  @DisplayName("the lines say why: placed child 0 kr, umgänge days, the dwelling share")
  void linesExplain() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER, List.of(PARENT, CHILD_9.withUmgangeDays(10),
      HouseholdMember.child(LocalDate.of(2012, 3, 1)).asPlaced(), HouseholdMember.otherResident(LocalDate.of(1960, 1, 1))),
      Map.of(), List.of()), NormTestRules.rules2025());
    List<Line> lines = result.lines(Section.RIKSNORM);
    assertEquals(new Note(NoteCode.UMGANGE, 10, 31, kr(3790)), lines.get(1).notes().get(1));
    assertEquals(LineCode.PLACED_CHILD, lines.get(2).code());
    assertEquals(Amounts.ZERO, lines.get(2).amount());
    assertEquals(LineCode.OTHER_RESIDENT, lines.get(3).code());
    Line common = lines.get(4);
    assertEquals(List.of(2), common.args());
    // 3 people live in the dwelling (parent, umgänge child, lodger); the household bears 2/3 of 1 770.
    assertEquals(new Note(NoteCode.DWELLING_SHARE, kr(1770), 3, 2), common.notes().get(0));
    assertEquals(new Note(NoteCode.UMGANGE_CHILDREN_COUNTED, 1), common.notes().get(1));
    assertEquals(kr(1180), common.amount());
  }
}
