package se.socialportal.bankid;

/** The RP certificate or the trusted CA cannot be used. {@link #problem()} says which setting is wrong. */
public final class BankIdCredentialsException extends RuntimeException {

  public enum Problem {
    /** The PKCS#12 file cannot be read, is not PKCS#12, or holds no private key. */
    RP_CERTIFICATE,
    /** The PKCS#12 file does not open with the password. */
    RP_CERTIFICATE_PASSWORD,
    /** The CA file cannot be read or holds no PEM certificate. */
    TRUSTED_CA
  }

  private final Problem problem;

  public BankIdCredentialsException(Problem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
