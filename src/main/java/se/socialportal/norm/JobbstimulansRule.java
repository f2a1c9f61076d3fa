package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Jobbstimulans (prop. 2012/13:94; old SoL 4 kap. 1 b §): after {@code qualifyingMonths} consecutive months with
 * försörjningsstöd, {@code percent} % of income of employment is not counted for {@code durationMonths} months.
 */
public record JobbstimulansRule(BigDecimal percent, int qualifyingMonths, int durationMonths) {

  public JobbstimulansRule {
    Objects.requireNonNull(percent, "percent");
    if (qualifyingMonths < 1 || durationMonths < 1) {
      throw new IllegalArgumentException("qualifying and duration months must be positive");
    }
  }

  /** The statutory values: 25 %, six months, two years. */
  public static JobbstimulansRule statutory() {
    return new JobbstimulansRule(BigDecimal.valueOf(25), 6, 24);
  }
}
