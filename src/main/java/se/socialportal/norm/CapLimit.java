package se.socialportal.norm;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The highest reasonable monthly cost for one household type, e.g. "1–2 vuxna + 2 barn: 8 400 kr" (the way Vimmerby
 * and Högsby publish their rent limits). A null maximum means "or more".
 */
public record CapLimit(int adultsMin, Integer adultsMax, int childrenMin, Integer childrenMax, BigDecimal amount) {

  public CapLimit {
    Objects.requireNonNull(amount, "amount");
  }

  public boolean matches(int adults, int children) {
    return adults >= adultsMin && (adultsMax == null || adults <= adultsMax)
      && children >= childrenMin && (childrenMax == null || children <= childrenMax);
  }

  public boolean overlaps(CapLimit other) {
    return rangesOverlap(adultsMin, adultsMax, other.adultsMin, other.adultsMax)
      && rangesOverlap(childrenMin, childrenMax, other.childrenMin, other.childrenMax);
  }

  private static boolean rangesOverlap(int minA, Integer maxA, int minB, Integer maxB) {
    return (maxB == null || minA <= maxB) && (maxA == null || minB <= maxA);
  }
}
