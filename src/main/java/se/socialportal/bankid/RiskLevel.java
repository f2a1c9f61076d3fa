package se.socialportal.bankid;

import java.util.Locale;

/**
 * BankID's risk assessment: the highest risk an RP accepts ({@code requirement.risk}: low or moderate) and the risk
 * BankID reports ({@code completionData.risk}: low, moderate or high, when {@code returnRisk} was set). BankID's
 * sample spells them in capitals, its documentation in lower case; we send lower case and read either.
 */
public enum RiskLevel {
  LOW("low"),
  MODERATE("moderate"),
  HIGH("high"),
  /** A value this client does not know yet; treat it as high. */
  UNKNOWN(null);

  private final String wireName;

  RiskLevel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Null for null, {@link #UNKNOWN} for anything unrecognised. */
  public static RiskLevel fromWire(String value) {
    if (value == null) {
      return null;
    }
    String normalised = value.toLowerCase(Locale.ROOT);
    for (RiskLevel level : values()) {
      if (normalised.equals(level.wireName)) {
        return level;
      }
    }
    return UNKNOWN;
  }
}
