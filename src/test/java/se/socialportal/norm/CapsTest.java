package se.socialportal.norm;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.norm.NormTestRules.kr;

/**
 * Skälighet limits by household type (docs/sources.md#reasonable-costs-and-caps): capped in the proposal and flagged,
 * never silently reduced.
 */
@DisplayName("Reasonable-cost caps by household type")
class CapsTest {

  private static final YearMonth OCTOBER = YearMonth.of(2025, 10);
  private static final HouseholdMember PARENT = HouseholdMember.applicant(LocalDate.of(1985, 4, 2));
  private static final HouseholdMember SAMBO = HouseholdMember.sambo(LocalDate.of(1987, 1, 1));
  private static final HouseholdMember CHILD = HouseholdMember.child(LocalDate.of(2016, 1, 1));

  /** Vimmerby-style rent limits for 1–2 adults by number of children. */
  private static final CostCaps CAPS = new CostCaps("caps-test", Map.of(CostType.RENT, List.of(
    new CapLimit(1, 2, 0, 0, kr(5900)),
    new CapLimit(1, 2, 1, 1, kr(7300)),
    new CapLimit(1, 2, 2, null, kr(8400)))));

  static Stream<Arguments> rents() {
    return Stream.of(
      Arguments.of("1 adult, no children: 6 500 above 5 900 → capped", List.of(PARENT), 6500, 5900, true),
      Arguments.of("2 adults, no children: same household type 1–2 vuxna", List.of(PARENT, SAMBO), 6500, 5900, true),
      Arguments.of("exactly at the limit is not capped", List.of(PARENT), 5900, 5900, false),
      Arguments.of("below the limit is taken as claimed", List.of(PARENT), 4200, 4200, false),
      Arguments.of("1 adult + 1 child: limit 7 300", List.of(PARENT, CHILD), 8200, 7300, true),
      Arguments.of("an umgänge child counts: the home must have room for the child", List.of(PARENT, CHILD.withUmgangeDays(8)), 8200, 7300, true),
      Arguments.of("a placed child does not count", List.of(PARENT, CHILD.asPlaced()), 6500, 5900, true),
      Arguments.of("'or more': 2 adults + 3 children under the 2+ limit 8 400", List.of(PARENT, SAMBO, CHILD, CHILD, CHILD), 9000, 8400, true),
      Arguments.of("öre survive when not capped", List.of(PARENT, CHILD), "7299.99", "7299.99", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rents")
  void rent(String source, List<HouseholdMember> persons, Object claimed, Object approved, boolean capped) {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER, persons,
      Map.of(CostType.RENT, kr(claimed.toString())), List.of()), NormTestRules.withCaps(NormTestRules.rules2025(), CAPS));
    Line rent = result.lines(Section.COST).get(0);
    assertEquals("rent", rent.subject());
    assertEquals(kr(claimed.toString()), rent.entered());
    assertEquals(kr(approved.toString()), rent.amount());
    assertEquals(capped, rent.has(NoteCode.CAPPED));
    assertEquals(capped ? 1 : 0, result.cappedCosts().size());
    if (capped) {
      assertEquals(new Note(NoteCode.CAPPED, kr(approved.toString()), kr(claimed.toString()), "caps-test"),
        rent.notes().get(0));
    }
    assertEquals("caps-test", result.ruleVersions().caps());
  }

  @Test
  @DisplayName("a cost type without a limit, and a tenant without caps, take the cost as claimed")
  void noLimit() {
    Map<CostType, java.math.BigDecimal> costs = Map.of(CostType.WORK_TRAVEL, kr(2500), CostType.RENT, kr(20000));
    NormResult capped = NormEngine.calculate(new NormInput(OCTOBER, List.of(PARENT), costs, List.of()),
      NormTestRules.withCaps(NormTestRules.rules2025(), CAPS));
    assertEquals(kr(2500 + 5900), capped.costsTotal());
    NormResult none = NormEngine.calculate(new NormInput(OCTOBER, List.of(PARENT), costs, List.of()),
      NormTestRules.rules2025());
    assertEquals(kr(22500), none.costsTotal());
    assertTrue(none.cappedCosts().isEmpty());
    assertEquals(CostCaps.NONE, none.ruleVersions().caps());
  }

  @Test
  @DisplayName("costs of 0 kr are left out; costs are listed in a fixed order")
  void zeroAndOrder() {
    NormResult result = NormEngine.calculate(new NormInput(OCTOBER, List.of(PARENT),
      Map.of(CostType.CHILDCARE, kr(100), CostType.RENT, kr(5000), CostType.HOME_INSURANCE, kr(0)), List.of()),
      NormTestRules.rules2025());
    List<Line> costs = result.lines(Section.COST);
    assertEquals(List.of("rent", "childcare"), costs.stream().map(Line::subject).toList());
    assertFalse(costs.stream().anyMatch(line -> line.has(NoteCode.CAPPED)));
  }

  @Test
  @DisplayName("limits that overlap are detected (the loader refuses such a file)")
  void overlap() {
    assertTrue(new CapLimit(1, 2, 0, null, kr(1)).overlaps(new CapLimit(2, 2, 3, 3, kr(1))));
    assertFalse(new CapLimit(1, 2, 0, 0, kr(1)).overlaps(new CapLimit(1, 2, 1, null, kr(1))));
    assertFalse(new CapLimit(1, 1, 0, null, kr(1)).overlaps(new CapLimit(2, null, 0, null, kr(1))));
  }
}
