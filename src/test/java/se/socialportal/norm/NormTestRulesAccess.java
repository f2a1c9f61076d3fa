package se.socialportal.norm;

/** Lets tests in other packages compare robots/ with the tables written out from the sources. */
public final class NormTestRulesAccess {

  private NormTestRulesAccess() {
  }

  public static Riksnorm riksnorm2025() {
    return NormTestRules.riksnorm2025();
  }

  public static Riksnorm riksnorm2026() {
    return NormTestRules.riksnorm2026();
  }
}
