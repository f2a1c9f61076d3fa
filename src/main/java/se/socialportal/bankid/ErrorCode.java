package se.socialportal.bankid;

/**
 * Why a call to BankID failed: BankID's {@code errorCode} (from the JSON error body, or from the HTTP status when
 * the body is not BankID's JSON), or {@link #CONNECTION_FAILED} when no HTTP answer came at all.
 */
public enum ErrorCode {
  /** An order for this personal number is already in progress; both are cancelled. Tell the user (RFA4). */
  ALREADY_IN_PROGRESS("alreadyInProgress", -1),
  /** Our bug: a bad or unknown field, an old orderRef, non-JSON. Never retried. */
  INVALID_PARAMETERS("invalidParameters", -1),
  /** Our RP certificate has no access (BankID answers 401 or 403). */
  UNAUTHORIZED("unauthorized", 401),
  NOT_FOUND("notFound", 404),
  METHOD_NOT_ALLOWED("methodNotAllowed", 405),
  /** BankID did not get the whole request in time. Not retried automatically (RFA5). */
  REQUEST_TIMEOUT("requestTimeout", 408),
  /** The Content-Type was not exactly application/json. */
  UNSUPPORTED_MEDIA_TYPE("unsupportedMediaType", 415),
  /** Not retried automatically (RFA5). */
  INTERNAL_ERROR("internalError", 500),
  /** BankID is down for maintenance: the client retries silently a couple of times, then gives up (RFA5). */
  MAINTENANCE("maintenance", 503),
  /** An error code or answer this client does not understand (RFA22). */
  UNKNOWN(null, -1),
  /** No answer: BankID unreachable, TLS handshake refused, or no response in time (RFA5). */
  CONNECTION_FAILED(null, -1);

  private final String wireName;
  private final int httpStatus;

  ErrorCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The {@code errorCode} string, or null for the two codes BankID never sends. */
  public String wireName() {
    return wireName;
  }

  public static ErrorCode fromWire(String value) {
    for (ErrorCode code : values()) {
      if (code.wireName != null && code.wireName.equals(value)) {
        return code;
      }
    }
    return UNKNOWN;
  }

  /** The code an HTTP status implies when the body does not say (400 is ambiguous, so it stays unknown). */
  public static ErrorCode fromHttpStatus(int status) {
    if (status == 403) {
      return UNAUTHORIZED;
    }
    for (ErrorCode code : values()) {
      if (code.httpStatus == status) {
        return code;
      }
    }
    return UNKNOWN;
  }

  public UserMessage userMessage() {
    return UserMessage.forError(this);
  }
}
