package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * {@code app}: what the RP's own mobile app knows about the device, used by BankID's risk assessment. Any part may
 * be left out.
 */
public record AppDeviceData(String appIdentifier, String deviceOS, String deviceIdentifier, String deviceModelName) {

  public AppDeviceData {
    Fields.optionalText("app.appIdentifier", appIdentifier, 1, 256);
    Fields.optionalText("app.deviceOS", deviceOS, 1, 256);
    Fields.optionalText("app.deviceIdentifier", deviceIdentifier, 1, 64);
    Fields.optionalText("app.deviceModelName", deviceModelName, 1, 256);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    WebDeviceData.putIfPresent(json, "appIdentifier", appIdentifier);
    WebDeviceData.putIfPresent(json, "deviceOS", deviceOS);
    WebDeviceData.putIfPresent(json, "deviceIdentifier", deviceIdentifier);
    WebDeviceData.putIfPresent(json, "deviceModelName", deviceModelName);
    return json;
  }
}
