package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The calculation of försörjningsstöd for one household and month: riksnorm (12 kap. 2–3 §§ SoF 2025:468) plus
 * reasonable costs, minus counted income (12 kap. 1 § SoL 2025:400; R9, docs/sources.md#computation-rules). A pure
 * function of its two arguments.
 */
public final class NormEngine {

  private NormEngine() {
  }

  /** What is wrong with the input for these rules; empty when it can be calculated. */
  public static List<InputProblem> problems(NormInput input, NormRules rules) {
    return InputValidation.problems(input, rules);
  }

  /**
   * @throws InvalidNormInputException when {@link #problems} is not empty
   */
  public static NormResult calculate(NormInput input, NormRules rules) {
    List<InputProblem> problems = problems(input, rules);
    if (!problems.isEmpty()) {
      throw new InvalidNormInputException(problems);
    }
    Household household = Household.of(input);
    List<Line> lines = new ArrayList<>(RiksnormLines.of(input, household, rules.riksnorm()));
    lines.addAll(CostLines.of(input, household, rules.caps()));
    lines.addAll(IncomeLines.of(input, household, rules));

    BigDecimal riksnorm = total(lines, Section.RIKSNORM);
    BigDecimal costs = total(lines, Section.COST);
    BigDecimal incomes = total(lines, Section.INCOME);
    BigDecimal exact = riksnorm.add(costs).subtract(incomes);
    BigDecimal amount = exact.signum() > 0 ? Amounts.payable(exact) : BigDecimal.ZERO;
    // Normöverskott when nothing is left to grant once rounded to whole kronor.
    Outcome outcome = amount.signum() > 0 ? Outcome.BIFALL : Outcome.AVSLAG;
    return new NormResult(input.month(), lines, riksnorm, costs, incomes, exact, amount, outcome, rules.versions(),
      household.size(), household.dwellingSize());
  }

  private static BigDecimal total(List<Line> lines, Section section) {
    return lines.stream().filter(line -> line.section() == section).map(Line::amount)
      .reduce(Amounts.ZERO, BigDecimal::add);
  }
}
