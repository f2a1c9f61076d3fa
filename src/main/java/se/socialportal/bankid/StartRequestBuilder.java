package se.socialportal.bankid;

/**
 * The setters auth and sign share. Both need {@code endUserIp}: the address of the user's device as the RP sees it
 * (behind a proxy, the client address the proxy reports, never the proxy's own).
 */
public abstract class StartRequestBuilder<B extends StartRequestBuilder<B, R>, R> {

  String endUserIp;
  Requirement requirement = Requirement.NONE;
  UserVisibleData userVisibleData;
  UserNonVisibleData userNonVisibleData;
  String returnUrl;
  boolean returnRisk;
  WebDeviceData web;
  AppDeviceData app;

  StartRequestBuilder(String endUserIp) {
    this.endUserIp = endUserIp;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  public B requirement(Requirement requirement) {
    this.requirement = requirement;
    return self();
  }

  public B userVisibleData(UserVisibleData userVisibleData) {
    this.userVisibleData = userVisibleData;
    return self();
  }

  public B userNonVisibleData(UserNonVisibleData userNonVisibleData) {
    this.userNonVisibleData = userNonVisibleData;
    return self();
  }

  /** Where the BankID app sends the user after a same-device order (absolute URL, or the RP app's own scheme). */
  public B returnUrl(String returnUrl) {
    this.returnUrl = returnUrl;
    return self();
  }

  /** Ask BankID to report its risk assessment in {@code completionData.risk}. */
  public B returnRisk(boolean returnRisk) {
    this.returnRisk = returnRisk;
    return self();
  }

  public B web(WebDeviceData web) {
    this.web = web;
    return self();
  }

  public B app(AppDeviceData app) {
    this.app = app;
    return self();
  }

  public abstract R build();
}
