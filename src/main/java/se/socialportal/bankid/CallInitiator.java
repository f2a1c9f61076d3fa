package se.socialportal.bankid;

/** {@code callInitiator} of the phone endpoints: who made the call the order belongs to. */
public enum CallInitiator {
  /** The user called us. */
  USER("user"),
  /** We called the user. */
  RP("RP");

  private final String wireName;

  CallInitiator(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
