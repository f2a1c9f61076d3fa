package se.socialportal.bankid;

/**
 * {@code hintCode} of a collect answer. BankID adds hint codes over time, so anything unrecognised becomes
 * {@link #UNKNOWN} (the raw string stays in {@link CollectResult#rawHintCode()}).
 */
public enum HintCode {
  // pending
  OUTSTANDING_TRANSACTION("outstandingTransaction"),
  NO_CLIENT("noClient"),
  STARTED("started"),
  USER_MRTD("userMrtd"),
  USER_CALL_CONFIRM("userCallConfirm"),
  USER_SIGN("userSign"),
  // failed
  EXPIRED_TRANSACTION("expiredTransaction"),
  CERTIFICATE_ERR("certificateErr"),
  USER_CANCEL("userCancel"),
  CANCELLED("cancelled"),
  START_FAILED("startFailed"),
  USER_DECLINED_CALL("userDeclinedCall"),
  NOT_SUPPORTED_BY_USER_APP("notSupportedByUserApp"),
  TRANSACTION_RISK_BLOCKED("transactionRiskBlocked"),
  UNKNOWN(null);

  private final String wireName;

  HintCode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Null when the answer has no hint code, {@link #UNKNOWN} when it has one we do not know. */
  public static HintCode fromWire(String value) {
    if (value == null) {
      return null;
    }
    for (HintCode code : values()) {
      if (value.equals(code.wireName)) {
        return code;
      }
    }
    return UNKNOWN;
  }
}
