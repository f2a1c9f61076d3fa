package se.socialportal.bankid;

/**
 * A request the client refuses to send because BankID would reject it. The message names the field and the rule,
 * never the value (it may be a personal number).
 */
public final class InvalidRequestException extends IllegalArgumentException {

  private final String field;

  public InvalidRequestException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
  }

  /** The request field, as BankID names it in JSON (e.g. {@code requirement.personalNumber}). */
  public String field() {
    return field;
  }
}
