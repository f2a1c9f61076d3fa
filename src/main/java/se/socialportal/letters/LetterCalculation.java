package se.socialportal.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic a letter shows for a month's försörjningsstöd, so a resident and a court can follow it line by line:
 * riksnorm + skäliga kostnader = behov; behov − inkomster = what is granted (whole kronor, half up; nothing when the
 * incomes cover the need). Incomes are printed as deductions. Pure: the PDF only lays out these rows.
 */
public final class LetterCalculation {

  /** A row of the table: a heading, a line, a subtotal, or the result. Amounts are signed as printed. */
  public record Row(Kind kind, String label, BigDecimal amount) {
  }

  public enum Kind { HEADING, LINE, SUBTOTAL, RESULT }

  private final List<Row> rows;
  private final BigDecimal riksnorm;
  private final BigDecimal costs;
  private final BigDecimal incomes;

  private LetterCalculation(List<Row> rows, BigDecimal riksnorm, BigDecimal costs, BigDecimal incomes) {
    this.rows = List.copyOf(rows);
    this.riksnorm = riksnorm;
    this.costs = costs;
    this.incomes = incomes;
  }

  /** The table for a month's lines; {@code period} names the month ("december 2026"). */
  public static LetterCalculation of(List<DecisionLetter.Line> lines, String period) {
    List<Row> rows = new ArrayList<>();
    BigDecimal riksnorm = section(rows, lines, DecisionLetter.Section.RIKSNORM, "Summa riksnorm", false);
    BigDecimal costs = section(rows, lines, DecisionLetter.Section.COST, "Summa skäliga kostnader", false);
    BigDecimal need = riksnorm.add(costs);
    rows.add(new Row(Kind.SUBTOTAL, "Behov (riksnorm + skäliga kostnader)", need));
    BigDecimal incomes = section(rows, lines, DecisionLetter.Section.INCOME, "Summa inkomster", true);
    BigDecimal result = need.subtract(incomes);
    if (incomes.signum() != 0) {
      rows.add(new Row(Kind.SUBTOTAL, "Behov − inkomster", result));
    }
    rows.add(new Row(Kind.RESULT, "Försörjningsstöd för " + period, granted(result)));
    return new LetterCalculation(rows, riksnorm, costs, incomes);
  }

  private static BigDecimal section(List<Row> rows, List<DecisionLetter.Line> lines, DecisionLetter.Section section,
                                    String total, boolean deduction) {
    BigDecimal sum = BigDecimal.ZERO;
    boolean any = false;
    for (DecisionLetter.Line line : lines) {
      if (line.section() != section) {
        continue;
      }
      if (!any) {
        rows.add(new Row(Kind.HEADING, section.heading(), null));
        any = true;
      }
      String label = line.note() == null || line.note().isBlank() ? line.label() : line.label() + " (" + line.note() + ")";
      rows.add(new Row(Kind.LINE, label, deduction ? line.amount().negate() : line.amount()));
      sum = sum.add(line.amount());
    }
    if (any) {
      rows.add(new Row(Kind.SUBTOTAL, total, deduction ? sum.negate() : sum));
    }
    return sum;
  }

  /** Whole kronor, half up; 0 when the incomes cover the need (normöverskott). */
  static BigDecimal granted(BigDecimal result) {
    return result.signum() > 0 ? result.setScale(0, RoundingMode.HALF_UP) : BigDecimal.ZERO;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Behov: riksnorm + skäliga kostnader. */
  public BigDecimal need() {
    return riksnorm.add(costs);
  }

  public BigDecimal incomes() {
    return incomes;
  }

  /** What the calculation grants for the month. */
  public BigDecimal granted() {
    return granted(need().subtract(incomes));
  }

  /** How much the incomes exceed the need (normöverskott), 0 when they do not. */
  public BigDecimal surplus() {
    BigDecimal result = need().subtract(incomes);
    return result.signum() < 0 ? result.negate() : BigDecimal.ZERO;
  }
}
