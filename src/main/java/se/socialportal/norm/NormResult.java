package se.socialportal.norm;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The calculation: every line, the totals, the proposal and the rule versions used.
 *
 * @param exactResult need − counted income, in öre; negative when income exceeds the need
 * @param amount      the amount to grant, whole kronor (see {@link Amounts}); 0 on avslag
 * @param householdSize the economic household (umgänge children included, R4)
 * @param dwellingSize  everyone living in the dwelling (the household and other residents)
 */
public record NormResult(YearMonth month, List<Line> lines, BigDecimal riksnormTotal, BigDecimal costsTotal,
                         BigDecimal incomesTotal, BigDecimal exactResult, BigDecimal amount, Outcome outcome,
                         RuleVersions ruleVersions, int householdSize, int dwellingSize) {

  public NormResult {
    lines = List.copyOf(lines);
  }

  /** Riksnorm + reasonable costs (behov). */
  public BigDecimal need() {
    return riksnormTotal.add(costsTotal);
  }

  /** How much income exceeds the need; 0 when there is a need left. */
  public BigDecimal normoverskott() {
    return exactResult.signum() < 0 ? exactResult.negate() : Amounts.ZERO;
  }

  public List<Line> lines(Section section) {
    return lines.stream().filter(line -> line.section() == section).toList();
  }

  /** Costs above the municipality's limit: the robot raises EXPENSE_CAPPED for each. */
  public List<Line> cappedCosts() {
    return lines.stream().filter(line -> line.has(NoteCode.CAPPED)).toList();
  }

  /** Incomes whose type needs a handläggare's judgement: the robot raises UNHANDLED_INCOME for each. */
  public List<Line> incomesNeedingReview() {
    return lines.stream().filter(line -> line.has(NoteCode.INCOME_NEEDS_REVIEW)).toList();
  }
}
