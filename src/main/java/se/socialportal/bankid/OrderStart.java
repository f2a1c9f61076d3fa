package se.socialportal.bankid;

/**
 * The answer to auth or sign: the order's reference, the token for starting the app on this device, and the
 * animated QR code for another device. (The QR secret is held by {@link AnimatedQr} and never handed out.)
 */
public record OrderStart(String orderRef, String autoStartToken, AnimatedQr qr) {

  /** {@code bankid:///?autostarttoken=<token>&redirect=null}: opens BankID on this computer. */
  public String desktopLaunchUrl() {
    return "bankid:///?autostarttoken=" + autoStartToken + "&redirect=null";
  }

  /** {@code https://app.bankid.com/?autostarttoken=<token>&redirect=<returnUrl>}: opens BankID on this phone. */
  public String mobileLaunchUrl(String redirect) {
    return "https://app.bankid.com/?autostarttoken=" + autoStartToken + "&redirect="
      + java.net.URLEncoder.encode(redirect == null ? "null" : redirect, java.nio.charset.StandardCharsets.UTF_8);
  }
}
