package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * {@code web}: what the RP knows about the user's browser, used by BankID's risk assessment. Any part may be left
 * out. {@code referringDomain} is the domain (punycode) the user started on, without scheme or path.
 */
public record WebDeviceData(String referringDomain, String userAgent, String deviceIdentifier) {

  public WebDeviceData {
    Fields.optionalText("web.referringDomain", referringDomain, 3, 253);
    if (referringDomain != null && (referringDomain.contains("/") || referringDomain.contains(":"))) {
      throw new InvalidRequestException("web.referringDomain", "must be a domain name without scheme, port or path");
    }
    Fields.optionalText("web.userAgent", userAgent, 1, 256);
    Fields.optionalText("web.deviceIdentifier", deviceIdentifier, 1, 64);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    putIfPresent(json, "referringDomain", referringDomain);
    putIfPresent(json, "userAgent", userAgent);
    putIfPresent(json, "deviceIdentifier", deviceIdentifier);
    return json;
  }

  static void putIfPresent(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
