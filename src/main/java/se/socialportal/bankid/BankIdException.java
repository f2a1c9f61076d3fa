package se.socialportal.bankid;

/**
 * A call to BankID that did not succeed. The message and {@link #details()} never contain a personal number
 * (BankID's details text is redacted before it is kept).
 */
public final class BankIdException extends RuntimeException {

  private final String endpoint;
  private final ErrorCode errorCode;
  private final String rawErrorCode;
  private final int httpStatus;
  private final String details;

  public BankIdException(String endpoint, ErrorCode errorCode, String rawErrorCode, int httpStatus, String details,
                         Throwable cause) {
    super(describe(endpoint, errorCode, rawErrorCode, httpStatus, PersonalNumbers.redact(details)), cause);
    this.endpoint = endpoint;
    this.errorCode = errorCode;
    this.rawErrorCode = rawErrorCode;
    this.httpStatus = httpStatus;
    this.details = PersonalNumbers.redact(details);
  }

  static BankIdException connectionFailed(String endpoint, Throwable cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new BankIdException(endpoint, ErrorCode.CONNECTION_FAILED, null, 0, reason, cause);
  }

  private static String describe(String endpoint, ErrorCode code, String raw, int status, String details) {
    StringBuilder text = new StringBuilder("BankID ").append(endpoint).append(": ");
    text.append(code == ErrorCode.UNKNOWN && raw != null ? "unknown error code '" + raw + "'" : code.name());
    if (status > 0) {
      text.append(" (HTTP ").append(status).append(')');
    }
    if (details != null && !details.isBlank()) {
      text.append(": ").append(details);
    }
    return text.toString();
  }

  /** The path that was called, e.g. {@code /auth}. */
  public String endpoint() {
    return endpoint;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  /** The {@code errorCode} exactly as BankID sent it; null when there was no JSON error body. */
  public String rawErrorCode() {
    return rawErrorCode;
  }

  /** The HTTP status, or 0 when there was no HTTP answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** BankID's {@code details} (or the connection problem), redacted. */
  public String details() {
    return details;
  }

  public UserMessage userMessage() {
    return errorCode.userMessage();
  }
}
