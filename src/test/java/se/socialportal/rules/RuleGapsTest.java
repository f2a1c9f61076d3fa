package se.socialportal.rules;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.testing.RobotsFolder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which rules are reported missing on a given day. The book is robots/ without any file after 2026, with the demo
 * tenant's caps ending with 2026 (so "the municipality has not decided next year's caps" is in it too).
 */
@DisplayName("Warn ahead: the rules missing for this month, next month and, from 1 October, next January")
class RuleGapsTest {

  private static RuleBook book;

  @BeforeAll
  static void load() {
    RobotsFolder robots = RobotsFolder.upTo(2026);
    robots.write("tenants/demo/caps-2025.json",
      robots.read("tenants/demo/caps-2025.json").put("effectiveTo", "2026-12-31").encodePrettily());
    book = RuleBook.load(robots.root());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = ';', value = {
    "2026-06-15; ''",
    "2026-09-30; ''",
    "2026-10-01; riksnorm@2027-01 prisbasbelopp@2027-01 caps:demo@2027-01",
    "2026-11-30; riksnorm@2027-01 prisbasbelopp@2027-01 caps:demo@2027-01",
    "2026-12-31; riksnorm@2027-01 prisbasbelopp@2027-01 caps:demo@2027-01",
    "2027-01-01; riksnorm@2027-01 prisbasbelopp@2027-01 caps:demo@2027-01",
    "2025-11-30; ''",
    "2025-12-31; ''"})
  void gaps(LocalDate today, String expected) {
    String gaps = RuleGaps.ahead(book, today).stream()
      .map(gap -> gap.kind().key() + gap.tenantId().map(tenant -> ":" + tenant).orElse("") + "@" + gap.month())
      .sorted().collect(Collectors.joining(" "));
    assertEquals(List.of(expected.split(" ")).stream().sorted().collect(Collectors.joining(" ")).trim(), gaps);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"riksnorm,, riksnorm/riksnorm-2027.json", "caps, demo, tenants/demo/caps-2027.json"})
  void suggestedFile(String kind, String tenant, String file) {
    assertEquals(file, new RuleGap(RuleKind.fromKey(kind).orElseThrow(), tenant, YearMonth.of(2027, 1))
      .suggestedFile());
  }
}
