package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;

/** Validation and JSON shared by the four start requests (auth, sign, phone/auth, phone/sign). */
final class StartRequests {

  static final int AUTH_VISIBLE_DATA_MAX = 1500;
  static final int SIGN_VISIBLE_DATA_MAX = 40_000;

  private StartRequests() {
  }

  static void checkDevice(String returnUrl, WebDeviceData web, AppDeviceData app) {
    if (web != null && app != null) {
      throw new InvalidRequestException("web", "an order comes from a web page or an app, not both: set web or app");
    }
    if (returnUrl != null) {
      try {
        URI uri = new URI(returnUrl);
        if (!uri.isAbsolute()) {
          throw new InvalidRequestException("returnUrl", "must be an absolute URL");
        }
      } catch (URISyntaxException e) {
        throw new InvalidRequestException("returnUrl", "must be an absolute URL");
      }
    }
  }

  static JsonObject json(Requirement requirement, UserVisibleData visible, UserNonVisibleData nonVisible) {
    JsonObject json = new JsonObject();
    if (requirement != null && !requirement.isEmpty()) {
      json.put("requirement", requirement.toJson());
    }
    if (visible != null) {
      json.put("userVisibleData", visible.encoded());
      if (visible.format().wireName() != null) {
        json.put("userVisibleDataFormat", visible.format().wireName());
      }
    }
    if (nonVisible != null) {
      json.put("userNonVisibleData", nonVisible.encoded());
    }
    return json;
  }

  static JsonObject withDevice(JsonObject json, String endUserIp, String returnUrl, boolean returnRisk,
                               WebDeviceData web, AppDeviceData app) {
    json.put("endUserIp", endUserIp);
    if (returnUrl != null) {
      json.put("returnUrl", returnUrl);
    }
    if (returnRisk) {
      json.put("returnRisk", true);
    }
    if (web != null) {
      json.put("web", web.toJson());
    }
    if (app != null) {
      json.put("app", app.toJson());
    }
    return json;
  }

  static void checkPhoneRequirement(Requirement requirement) {
    if (requirement != null && requirement.personalNumber() != null) {
      throw new InvalidRequestException("requirement.personalNumber",
        "is not used by phone orders; the person is named by personalNumber");
    }
  }
}
