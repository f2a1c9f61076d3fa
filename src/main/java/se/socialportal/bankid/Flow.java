package se.socialportal.bankid;

/** How the user reaches BankID; some user messages (RFA13, RFA14, RFA17) depend on it. */
public enum Flow {
  /** Animated QR code scanned with BankID on another device. */
  QR_CODE,
  /** Autostart of BankID on this computer. */
  SAME_DEVICE_COMPUTER,
  /** Autostart of the BankID app on this phone or tablet. */
  SAME_DEVICE_MOBILE,
  /** phone/auth or phone/sign while we talk to the user on the phone. */
  PHONE_CALL;

  boolean sameDevice() {
    return this == SAME_DEVICE_COMPUTER || this == SAME_DEVICE_MOBILE;
  }
}
