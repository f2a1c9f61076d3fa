package se.socialportal.rules.delegation;

import java.util.Optional;

/**
 * What a decision is about, as the delegation matrix and the decision table name it. The first four are bistånd
 * (4 kap. 1 § SoL, old numbering; 12 kap. 1 § SoL 2025:400); the rest are decisions about the case or a repayment.
 */
public enum DecisionType {
  FORSORJNINGSSTOD("forsorjningsstod", "Försörjningsstöd"),
  LIVSFORING_OVRIGT("livsforing_ovrigt", "Livsföring i övrigt"),
  SKULDER("skulder", "Skulder"),
  BEGRAVNING("begravning", "Begravningskostnader"),
  AVSLUT_UTAN_ATGARD("avslut_utan_atgard", "Avsluta utredning utan åtgärd"),
  ATERKRAV("aterkrav", "Återkrav"),
  EFTERGIFT("eftergift", "Eftergift");

  private final String code;
  private final String label;

  DecisionType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Needs applied for beside försörjningsstöd: a handläggare may classify a need line as one of these. */
  public boolean isNeed() {
    return this == LIVSFORING_OVRIGT || this == SKULDER || this == BEGRAVNING;
  }

  public static Optional<DecisionType> fromCode(String code) {
    for (DecisionType type : values()) {
      if (type.code.equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
