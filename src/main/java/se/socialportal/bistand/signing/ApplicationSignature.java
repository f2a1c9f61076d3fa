package se.socialportal.bistand.signing;

import se.socialportal.identity.bankid.SignSubject;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What is signed when a resident signs an application: the application, in which role, and the SHA-256 of the exact
 * content shown — a signature on content that has changed since is refused. The BankID order keeps it as a
 * {@link SignSubject} of kind {@value #KIND}; this record is the one place that writes or reads that reference.
 */
public record ApplicationSignature(UUID applicationId, SignerRole role, String contentHash) {

  public static final String KIND = "application";
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public ApplicationSignature {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(role, "role");
    if (contentHash == null || !HASH.matcher(contentHash).matches()) {
      throw new IllegalArgumentException("a content hash is 64 hex digits");
    }
  }

  public SignSubject subject() {
    return new SignSubject(KIND, applicationId + ":" + role.code() + ":" + contentHash);
  }

  /** The application signature a subject names; empty for another kind or a reference that is not one. */
  public static Optional<ApplicationSignature> of(SignSubject subject) {
    if (!KIND.equals(subject.kind())) {
      return Optional.empty();
    }
    String[] parts = subject.reference().split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Optional<SignerRole> role = SignerRole.fromCode(parts[1]);
      return role.isEmpty() || !HASH.matcher(parts[2]).matches() ? Optional.empty()
        : Optional.of(new ApplicationSignature(UUID.fromString(parts[0]), role.get(), parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
