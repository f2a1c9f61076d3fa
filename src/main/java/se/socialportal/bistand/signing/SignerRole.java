package se.socialportal.bistand.signing;

import java.util.Optional;

/** Who signs an application: the applicant first, then — in a joint application — the co-applicant. */
public enum SignerRole {
  APPLICANT("applicant"), CO_APPLICANT("coApplicant");

  private final String code;

  SignerRole(String code) {
    this.code = code;
  }

  /** As stored on signatures and shown in the signing text. */
  public String code() {
    return code;
  }

  public static Optional<SignerRole> fromCode(String code) {
    for (SignerRole role : values()) {
      if (role.code.equals(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
