package se.socialportal.letters;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("A letter's arithmetic: riksnorm + skäliga kostnader = behov; behov − inkomster = försörjningsstöd")
class LetterCalculationTest {

  private static DecisionLetter.Line line(DecisionLetter.Section section, String label, String amount) {
    return new DecisionLetter.Line(section, label, new BigDecimal(amount), null);
  }

  private static List<String> printed(LetterCalculation calculation) {
    return calculation.rows().stream().map(row -> row.kind() + " " + row.label()
      + (row.amount() == null ? "" : " " + row.amount().stripTrailingZeros().toPlainString())).toList();
  }

  @Test
  @DisplayName("Stig's month: 3 940 + 1 280 + 5 900 − 2 100 = 9 020 kr, the income printed as a deduction")
  void stig() {
    LetterCalculation calculation = LetterCalculation.of(List.of(
      line(DecisionLetter.Section.RIKSNORM, "Personliga kostnader", "3940"),
      line(DecisionLetter.Section.RIKSNORM, "Hushållsgemensamma kostnader", "1280"),
      line(DecisionLetter.Section.COST, "Hyra", "5900"),
      line(DecisionLetter.Section.INCOME, "Sjukpenning", "2100")), "december 2026");
    assertEquals(List.of(
      "HEADING Riksnorm", "LINE Personliga kostnader 3940", "LINE Hushållsgemensamma kostnader 1280",
      "SUBTOTAL Summa riksnorm 5220",
      "HEADING Skäliga kostnader utöver riksnormen", "LINE Hyra 5900", "SUBTOTAL Summa skäliga kostnader 5900",
      "SUBTOTAL Behov (riksnorm + skäliga kostnader) 11120",
      "HEADING Inkomster", "LINE Sjukpenning -2100", "SUBTOTAL Summa inkomster -2100",
      "SUBTOTAL Behov − inkomster 9020",
      "RESULT Försörjningsstöd för december 2026 9020"), printed(calculation));
    assertEquals(0, new BigDecimal("9020").compareTo(calculation.granted()));
  }

  @Test
  @DisplayName("öre are rounded to whole kronor, half up, only at the end")
  void rounding() {
    LetterCalculation calculation = LetterCalculation.of(List.of(
      line(DecisionLetter.Section.RIKSNORM, "Barn", "2700.25"),
      line(DecisionLetter.Section.COST, "El", "300.25")), "oktober 2025");
    assertEquals("3001", calculation.granted().toPlainString());
    assertEquals("3000.50", calculation.need().toPlainString());
  }

  @Test
  @DisplayName("incomes above the need grant nothing and the surplus is named")
  void surplus() {
    LetterCalculation calculation = LetterCalculation.of(List.of(
      line(DecisionLetter.Section.RIKSNORM, "Ensamstående", "5220"),
      line(DecisionLetter.Section.INCOME, "Lön", "6000")), "oktober 2025");
    assertEquals(0, calculation.granted().signum());
    assertEquals("780", calculation.surplus().toPlainString());
    assertEquals("RESULT Försörjningsstöd för oktober 2025 0", printed(calculation).get(printed(calculation).size() - 1));
  }

  @Test
  @DisplayName("without incomes the behov is the result; no zero income rows are invented")
  void noIncome() {
    List<String> rows = printed(LetterCalculation.of(List.of(
      line(DecisionLetter.Section.RIKSNORM, "Ensamstående", "5220"),
      line(DecisionLetter.Section.COST, "Hyra", "6000")), "oktober 2025"));
    assertEquals(List.of("HEADING Riksnorm", "LINE Ensamstående 5220", "SUBTOTAL Summa riksnorm 5220",
      "HEADING Skäliga kostnader utöver riksnormen", "LINE Hyra 6000", "SUBTOTAL Summa skäliga kostnader 6000",
      "SUBTOTAL Behov (riksnorm + skäliga kostnader) 11220", "RESULT Försörjningsstöd för oktober 2025 11220"), rows);
  }
}
