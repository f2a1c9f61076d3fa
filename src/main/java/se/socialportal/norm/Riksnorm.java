package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The riksnorm table of one year (12 kap. 2 § SoF 2025:468). Loaded from robots/riksnorm and validated there (bands
 * contiguous 0–20, seven common-cost sizes, verified totals).
 *
 * @param commonBySize the hushållsgemensamma kostnader for 1 … 7 persons (index 0 = one person)
 */
public record Riksnorm(String version, BigDecimal single, BigDecimal couple, List<ChildBand> children,
                       List<BigDecimal> commonBySize) {

  public static final int LARGEST_TABULATED_HOUSEHOLD = 7;
  /** Children under 21 whom the parents must support are household members (FB 7 kap. 1 §, SOSFS 2013:1). */
  public static final int OLDEST_HOUSEHOLD_CHILD = 20;

  public Riksnorm {
    Objects.requireNonNull(version, "version");
    children = List.copyOf(children);
    commonBySize = List.copyOf(commonBySize);
    if (commonBySize.size() != LARGEST_TABULATED_HOUSEHOLD) {
      throw new IllegalArgumentException("common costs must be given for 1 to 7 persons");
    }
  }

  public ChildBand bandFor(int age) {
    return children.stream().filter(band -> band.covers(age)).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("no riksnorm band for a child aged " + age));
  }

  /** Common costs for a household (or dwelling) of the given size, the table extended by R2 beyond seven. */
  public BigDecimal common(int persons) {
    if (persons < 1) {
      throw new IllegalArgumentException("a household has at least one person");
    }
    if (persons <= LARGEST_TABULATED_HOUSEHOLD) {
      return commonBySize.get(persons - 1);
    }
    return commonForSeven().add(extraPerPersonBeyondSeven().multiply(BigDecimal.valueOf(persons - LARGEST_TABULATED_HOUSEHOLD)));
  }

  public BigDecimal commonForSeven() {
    return commonBySize.get(LARGEST_TABULATED_HOUSEHOLD - 1);
  }

  /**
   * 12 kap. 2–3 §§ SoF: for more than seven persons each further member adds the difference between the amounts for
   * seven and six persons (2025: 2 810 − 2 620 = 190 kr).
   */
  public BigDecimal extraPerPersonBeyondSeven() {
    return commonForSeven().subtract(commonBySize.get(LARGEST_TABULATED_HOUSEHOLD - 2));
  }
}
