package se.socialportal.bankid;

/** {@code requirement.cardReader}: which class of card reader a BankID on smart card must be used with. */
public enum CardReader {
  /** PIN entered on the computer's keyboard, or a better reader. */
  CLASS1("class1"),
  /** PIN entered on the reader itself. */
  CLASS2("class2");

  private final String wireName;

  CardReader(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
