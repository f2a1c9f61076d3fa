package se.socialportal.overklagande;

import se.socialportal.identity.bankid.SignSubject;

import java.util.UUID;

/**
 * What the resident signs when appealing: one appeal, with the content hash of exactly what was shown (the decision,
 * the change asked for, the reasons and the attached files). Stored on the BankID order as
 * {@code overklagande:<appeal id>:<content sha-256>}; the completion refuses a signature whose hash no longer matches.
 */
record AppealSignature(UUID appealId, String contentSha256) {

  static final String KIND = "overklagande";

  AppealSignature {
    if (!contentSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a sha-256: " + contentSha256);
    }
  }

  SignSubject subject() {
    return new SignSubject(KIND, appealId + ":" + contentSha256);
  }

  static AppealSignature of(SignSubject subject) {
    if (!KIND.equals(subject.kind())) {
      throw new IllegalArgumentException("not an appeal's signature: " + subject.kind());
    }
    String reference = subject.reference();
    int colon = reference.indexOf(':');
    return new AppealSignature(UUID.fromString(reference.substring(0, colon)), reference.substring(colon + 1));
  }
}
