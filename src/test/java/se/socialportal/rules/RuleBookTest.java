package se.socialportal.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.norm.Amounts;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.Income;
import se.socialportal.norm.IncomeTreatment;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormInput;
import se.socialportal.norm.NormResult;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Riksnorm;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The real robots/ rule files load and resolve by tenant and month")
class RuleBookTest {

  private static RuleBook book;

  @BeforeAll
  static void load() {
    book = RuleBook.load(Path.of("robots"));
  }

  @Test
  @DisplayName("the demo tenant's rules for October 2025 carry the versions of every file used")
  void inForce() {
    RulesInForce rules = book.inForce("demo", YearMonth.of(2025, 10));
    assertEquals(Set.of("demo", "grannkommun"), book.tenants());
    assertEquals(Map.of("riksnorm", "riksnorm-2025", "prisbasbelopp", "prisbasbelopp-2025", "caps", "demo-caps-2025.1",
      "incomeClassification", "income-classification-2025.1", "warningRules", "warning-rules-2025.1",
      "stickprov", "demo-stickprov-2025.1", "automation", "demo-automation-2025.1",
      "motivering", "robot-motivering-2025.1"), rules.versions());
    assertEquals(new BigDecimal("5"), rules.stickprov().percent());
    assertEquals(Set.of("digital", "paper", "assisted"), rules.stickprov().channels());
    assertTrue(rules.automation().decisionTypes().isEmpty(), "no automated decisions by default");
    assertFalse(rules.automation().allows(DecisionType.FORSORJNINGSSTOD_BIFALL));
  }

  @Test
  @DisplayName("every warning type has a Swedish label and a description; INCOME_CHANGE has its threshold")
  void warnings() {
    WarningRules warnings = book.inForce("demo", YearMonth.of(2026, 1)).warnings();
    for (WarningType type : WarningType.values()) {
      WarningRule rule = warnings.rule(type);
      assertFalse(rule.label().get("sv").isBlank(), type.name());
      assertFalse(rule.description().get("sv").isBlank(), type.name());
    }
    assertEquals("Kapad kostnad", warnings.rule(WarningType.EXPENSE_CAPPED).label().get("sv"));
    assertEquals(Amounts.kronor(20).stripTrailingZeros(),
      warnings.rule(WarningType.INCOME_CHANGE).threshold("percent").orElseThrow().stripTrailingZeros());
  }

  @Test
  @DisplayName("robots/ holds the statute's 2025 table and the derived 2026 table exactly")
  void riksnormTables() {
    Riksnorm r2025 = book.normRules("demo", YearMonth.of(2025, 1)).riksnorm();
    assertEquals("riksnorm-2025", r2025.version());
    assertEquals(se.socialportal.norm.NormTestRulesAccess.riksnorm2025(), r2025);
    Riksnorm r2026 = book.normRules("demo", YearMonth.of(2026, 12)).riksnorm();
    assertEquals(se.socialportal.norm.NormTestRulesAccess.riksnorm2026(), r2026);
    assertEquals(Amounts.kronor(5220), r2026.single().add(r2026.common(1)), "verified 2026 total, single");
    assertEquals(Amounts.kronor(8510), r2026.couple().add(r2026.common(2)), "verified 2026 total, couple");
  }

  @Test
  @DisplayName("prisbasbelopp per calendar year: 2024 57 300, 2025 58 800, 2026 59 200")
  void prisbasbelopp() {
    assertEquals(new BigDecimal(57300), book.prisbasbelopp(YearMonth.of(2024, 6)).orElseThrow().amount());
    assertEquals(new BigDecimal(58800), book.prisbasbelopp(YearMonth.of(2025, 1)).orElseThrow().amount());
    assertEquals(new BigDecimal(59200), book.prisbasbelopp(YearMonth.of(2026, 12)).orElseThrow().amount());
    assertEquals("prisbasbelopp-2026", book.normRules("demo", YearMonth.of(2026, 12)).prisbasbelopp().version());
    assertTrue(book.prisbasbelopp(YearMonth.of(2023, 12)).isEmpty());
  }

  @Test
  @DisplayName("the months the project has no riksnorm for (2024, 2027) are refused, not guessed")
  void notInForce() {
    RulesNotInForceException none2024 = assertThrows(RulesNotInForceException.class,
      () -> book.normRules("demo", YearMonth.of(2024, 12)));
    assertEquals(RuleKind.RIKSNORM, none2024.kind());
    assertThrows(RulesNotInForceException.class, () -> book.normRules("demo", YearMonth.of(2027, 1)));
    assertThrows(UnknownTenantException.class, () -> book.normRules("atlantis", YearMonth.of(2025, 10)));
  }

  @Test
  @DisplayName("income classification: salary is counted income of employment, 'other' needs review")
  void incomes() {
    var incomes = book.incomeClassification(YearMonth.of(2025, 10)).orElseThrow();
    assertEquals(IncomeTreatment.COUNTED, incomes.rule("salary").orElseThrow().treatment());
    assertTrue(incomes.rule("salary").orElseThrow().employment());
    assertEquals(IncomeTreatment.REVIEW, incomes.rule("other").orElseThrow().treatment());
    assertEquals(IncomeTreatment.NOT_COUNTED, incomes.rule("disabilityCompensation").orElseThrow().treatment());
    assertEquals(new BigDecimal(25), incomes.jobbstimulans().percent());
  }

  @Test
  @DisplayName("engine + real rules: the worked example gives 9 430 kr, and the demo caps cap a large rent")
  void workedExampleWithRealRules() {
    NormRules rules = book.normRules("demo", YearMonth.of(2025, 10));
    NormInput input = new NormInput(YearMonth.of(2025, 10), List.of(
      HouseholdMember.applicant(LocalDate.of(1990, 5, 5)).withJobbstimulans(),
      HouseholdMember.child(LocalDate.of(2020, 3, 1)).withLunchOutsideHome(),
      HouseholdMember.child(LocalDate.of(2013, 4, 1))),
      Map.of(CostType.RENT, Amounts.kronor(8200), CostType.HOUSEHOLD_ELECTRICITY, Amounts.kronor(450),
        CostType.HOME_INSURANCE, Amounts.kronor(180), CostType.WORK_TRAVEL, Amounts.kronor(930),
        CostType.UNION_AND_UNEMPLOYMENT_FUND, Amounts.kronor(420), CostType.CHILDCARE, Amounts.kronor(620)),
      List.of(Income.of(0, "salary", 9000), Income.household("childAllowance", 2650),
        Income.household("maintenanceSupport", 2600), Income.household("housingAllowance", 2100)));
    NormResult result = NormEngine.calculate(input, rules);
    assertEquals(new BigDecimal(9430), result.amount());
    assertTrue(result.cappedCosts().isEmpty());
    NormResult big = NormEngine.calculate(new NormInput(YearMonth.of(2025, 10), input.persons(),
      Map.of(CostType.RENT, Amounts.kronor(12000)), List.of()), rules);
    assertEquals(Amounts.kronor(8400), big.costsTotal(), "1 adult + 2 children: demo limit 8 400");
  }

  @Test
  @DisplayName("the classpath copy (target/classes/robots) loads like the working copy")
  void classpath() {
    try (RuleSource source = RuleSource.classpath(getClass().getClassLoader())) {
      assertEquals(book.tenants(), RuleBook.load(source).tenants());
    }
  }

  @Test
  @DisplayName("the copy inside a jar loads (production: java -jar without ./robots)")
  void insideJar(@TempDir Path temp) throws Exception {
    Path jar = temp.resolve("app.jar");
    Path robots = Path.of("robots");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
         Stream<Path> files = Files.walk(robots)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry("robots/" + robots.relativize(file).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
         RuleSource source = RuleSource.classpath(loader)) {
      assertTrue(source.displayName().startsWith("app.jar!/robots"), source.displayName());
      RuleBook fromJar = RuleBook.load(source);
      assertEquals(book.normRules("demo", YearMonth.of(2025, 10)), fromJar.normRules("demo", YearMonth.of(2025, 10)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
