package se.socialportal.norm;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding convention, in one place. Amounts are kronor as {@link BigDecimal} with two decimals (öre) all the way
 * through the calculation; only the amount to pay is rounded to whole kronor.
 * <ul>
 *   <li>Divisions (a share of the common costs, 12 kap. 3 § SoF; umgänge days; the jobbstimulans percentage) are
 *   rounded to öre, half up. The ordinance says nothing about rounding (R8, docs/sources.md#computation-rules);
 *   Socialstyrelsen's own example divides exactly ("1 710 kr ÷ 5 + 2 950 kr = 3 292 kr"), which keeping öre
 *   reproduces.</li>
 *   <li>The amount to grant is rounded to whole kronor, half up: payments go out in whole kronor, the deviation is at
 *   most 50 öre either way, and a tie goes to the applicant. Every line keeps its öre, so the lines add up exactly to
 *   the unrounded result shown beside the payable amount.</li>
 * </ul>
 */
public final class Amounts {

  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Amounts() {
  }

  /** An input amount with at most two decimals, as kronor with öre. Throws if it has finer precision. */
  public static BigDecimal kronor(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static BigDecimal kronor(long wholeKronor) {
    return BigDecimal.valueOf(wholeKronor).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** True when the value has no finer precision than öre. */
  public static boolean hasAtMostOre(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 2;
  }

  /** amount × numerator ÷ denominator, to öre, half up. */
  public static BigDecimal fraction(BigDecimal amount, long numerator, long denominator) {
    return amount.multiply(BigDecimal.valueOf(numerator))
      .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
  }

  /** percent % of amount, to öre, half up. */
  public static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
    return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
  }

  /** The amount to pay: whole kronor, half up (see the class comment for why). */
  public static BigDecimal payable(BigDecimal exact) {
    return exact.setScale(0, RoundingMode.HALF_UP);
  }
}
