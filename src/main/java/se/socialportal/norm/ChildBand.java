package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One age band of the riksnorm's table for children and school youth living at home (12 kap. 2 § SoF).
 *
 * @param withoutLunch the "utan lunch fem dagar per vecka" amount; only the bands under 7 years have one (from school
 *                     age the statutory amounts already assume free school lunch); null where the statute has none
 */
public record ChildBand(int fromAge, int toAge, BigDecimal amount, BigDecimal withoutLunch) {

  public ChildBand {
    Objects.requireNonNull(amount, "amount");
  }

  public boolean covers(int age) {
    return age >= fromAge && age <= toAge;
  }

  public Optional<BigDecimal> lunchVariant() {
    return Optional.ofNullable(withoutLunch);
  }

  /** "4–6" or "0": how the statute names the band. */
  public String label() {
    return fromAge == toAge ? String.valueOf(fromAge) : fromAge + "–" + toAge;
  }
}
