package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.identity.PersonRepository.Protection;
import se.socialportal.identity.Personnummer;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormResult;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Role;
import se.socialportal.rules.RuleBook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Application content → norm engine input, and the robot's figures for the worked example (docs/sources.md)")
class ApplicationToNormInputTest {

  private static RuleBook book;
  private static final UUID APPLICANT = UUID.randomUUID();
  private static final Instant SUBMITTED = Instant.parse("2025-10-03T08:00:00Z");

  @BeforeAll
  static void load() {
    book = RobotHarness.rules();
  }

  static CaseFile file(YearMonth month, JsonObject content, List<YearMonth> bistand,
                       List<CaseFile.EarlierApplication> earlier) {
    ClaimedJob job = new ClaimedJob(1, "demo", UUID.randomUUID(), 1, 1, 0, SUBMITTED, Optional.empty(), "w");
    return new CaseFile(job, new CaseFile.Application(job.applicationId(), "demo", month, "reapplication", "digital",
      "submitted", 1, APPLICANT, Optional.empty(), content), List.of(new CaseFile.Adult("applicant", APPLICANT,
      Personnummer.of(RobotFixtures.DEMO), Protection.NONE)), earlier, Map.of(APPLICANT, bistand));
  }

  static NormResult calculate(CaseFile file) {
    NormRules rules = book.normRules("demo", file.application().month());
    return NormEngine.calculate(ApplicationToNormInput.map(file, rules.incomes()).input(), rules);
  }

  static List<YearMonth> months(YearMonth from, int count) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      months.add(from.plusMonths(i));
    }
    return months;
  }

  @ParameterizedTest(name = "{0} earlier consecutive months with bistånd → {1} kr")
  @DisplayName("The worked example: jobbstimulans from the seventh month, for 24 months (prop. 2012/13:94)")
  @CsvSource({"0, 7180", "5, 7180", "6, 9430", "12, 9430"})
  void workedExample(int monthsBefore, String expected) {
    YearMonth october = YearMonth.of(2025, 10);
    CaseFile file = file(october, RobotFixtures.workedExample(), months(october.minusMonths(monthsBefore), monthsBefore),
      List.of());
    assertEquals(0, new BigDecimal(expected).compareTo(calculate(file).amount()));
  }

  @Test
  @DisplayName("jobbstimulans ends 24 months after the window opened")
  void jobbstimulansEnds() {
    YearMonth october = YearMonth.of(2025, 10);
    // Six months ending March 2023: the window is April 2023 – March 2025; October 2025 is outside it.
    CaseFile file = file(october, RobotFixtures.workedExample(), months(YearMonth.of(2022, 10), 6), List.of());
    assertEquals(0, new BigDecimal("7180").compareTo(calculate(file).amount()));
  }

  @Test
  @DisplayName("persons: applicant, sambo, children (umgänge days, placed, lunch), other adults — in that order")
  void persons() {
    JsonObject content = RobotFixtures.single("1985-01-01", 6000, "salary", 0);
    content.getJsonObject("household").put("coApplicant", new JsonObject().put("relation", "make")
      .put("birthDate", "1984-01-01"));
    content.getJsonObject("household").getJsonArray("children")
      .add(RobotFixtures.child("Ada", "2020-01-01", "full").put("lunchOutsideHome", true))
      .add(RobotFixtures.child("Ben", "2015-01-01", "partTime").put("daysPerMonth", 10))
      .add(RobotFixtures.child("Cy", "2012-01-01", "placed"));
    content.getJsonObject("household").getJsonArray("otherAdults").add(new JsonObject().put("firstName", "Dag")
      .put("birthDate", "2003-05-05").put("relation", "adultChild"));
    content.getJsonArray("incomes").add(RobotFixtures.income("child:1", "salary", 1000));
    ApplicationToNormInput.Mapped mapped = ApplicationToNormInput.map(file(YearMonth.of(2025, 10), content,
      List.of(), List.of()), book.normRules("demo", YearMonth.of(2025, 10)).incomes());
    List<HouseholdMember> persons = mapped.input().persons();
    assertEquals(List.of("applicant", "coApplicant", "child:0", "child:1", "child:2", "otherAdult:0"),
      mapped.personRefs());
    assertEquals(List.of(Role.APPLICANT, Role.SAMBO, Role.CHILD, Role.CHILD, Role.CHILD, Role.OTHER_RESIDENT),
      persons.stream().map(HouseholdMember::role).toList());
    assertTrue(persons.get(2).lunchOutsideHome());
    assertEquals(Optional.of(10), persons.get(3).umgange());
    assertTrue(persons.get(4).placed());
    assertFalse(persons.get(3).placed());
    assertEquals(3, mapped.input().incomes().get(0).person(), "the income names child:1 by its index");
  }

  @Test
  @DisplayName("Worked example variant: an adult of 22 living with her parents in a 4-person dwelling, 2025: 4 412,50")
  void nonSamboAdult() {
    // The applicant is the 22-year-old; her parents are other adults in the dwelling, plus a sibling.
    JsonObject content = RobotFixtures.base("2003-05-05", 0);
    content.getJsonObject("housing").put("householdElectricity", 0);
    content.put("costs", new JsonObject());
    content.getJsonObject("household").getJsonArray("otherAdults")
      .add(new JsonObject().put("firstName", "Mor").put("birthDate", "1975-01-01").put("relation", "relative"))
      .add(new JsonObject().put("firstName", "Far").put("birthDate", "1974-01-01").put("relation", "relative"))
      .add(new JsonObject().put("firstName", "Bror").put("birthDate", "2001-01-01").put("relation", "relative"));
    NormResult result = calculate(file(YearMonth.of(2025, 10), content, List.of(), List.of()));
    assertEquals(0, new BigDecimal("4412.50").compareTo(result.riksnormTotal()), result.riksnormTotal().toString());
  }

  @Test
  @DisplayName("a child's work income earlier this year counts towards the one-prisbasbelopp allowance")
  void childWorkIncomeThisYear() {
    JsonObject earlier = RobotFixtures.single("1980-01-01", 5000, "salary", 0);
    earlier.getJsonObject("household").getJsonArray("children").add(RobotFixtures.child("Ella", "2008-06-01", "full"));
    earlier.getJsonArray("incomes").add(RobotFixtures.income("child:0", "salary", 20000));
    JsonObject lastYear = earlier.copy();
    List<CaseFile.EarlierApplication> history = List.of(
      new CaseFile.EarlierApplication(UUID.randomUUID(), YearMonth.of(2025, 3), earlier, Optional.empty(), Optional.empty()),
      new CaseFile.EarlierApplication(UUID.randomUUID(), YearMonth.of(2025, 6), earlier, Optional.empty(), Optional.empty()),
      new CaseFile.EarlierApplication(UUID.randomUUID(), YearMonth.of(2024, 12), lastYear, Optional.empty(), Optional.empty()));
    CaseFile file = file(YearMonth.of(2025, 10), earlier, List.of(), history);
    BigDecimal sum = ApplicationToNormInput.workIncomeEarlierThisYear(file, "child:Ella:2008-06-01",
      book.normRules("demo", YearMonth.of(2025, 10)).incomes());
    assertEquals(0, new BigDecimal("40000").compareTo(sum), "March and June 2025, not December 2024");
  }
}
