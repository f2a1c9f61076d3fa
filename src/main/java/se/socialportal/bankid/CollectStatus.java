package se.socialportal.bankid;

/** {@code status} of a collect answer. */
public enum CollectStatus {
  PENDING("pending"),
  FAILED("failed"),
  COMPLETE("complete"),
  /** A status this client does not know: treated as a final failure (stop polling, RFA22). */
  UNKNOWN(null);

  private final String wireName;

  CollectStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static CollectStatus fromWire(String value) {
    for (CollectStatus status : values()) {
      if (status.wireName != null && status.wireName.equals(value)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
