package se.socialportal.bankid.simulator;

/** The four ways an RP starts an order. */
public enum OrderType {
  AUTH("/auth", false, false),
  SIGN("/sign", true, false),
  PHONE_AUTH("/phone/auth", false, true),
  PHONE_SIGN("/phone/sign", true, true);

  private final String endpoint;
  private final boolean signing;
  private final boolean phone;

  OrderType(String endpoint, boolean signing, boolean phone) {
    this.endpoint = endpoint;
    this.signing = signing;
    this.phone = phone;
  }

  public String endpoint() {
    return endpoint;
  }

  public boolean signing() {
    return signing;
  }

  /** Phone orders have no QR code or autostart token: BankID pushes them to the person's app. */
  public boolean phone() {
    return phone;
  }
}
