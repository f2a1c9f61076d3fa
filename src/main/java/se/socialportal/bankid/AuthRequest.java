package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * {@code POST /auth}: identify a user on this device (autostart) or another device (animated QR code).
 * {@code userVisibleData} is optional here (at most 1 500 characters after base64).
 */
public record AuthRequest(String endUserIp, Requirement requirement, UserVisibleData userVisibleData,
                          UserNonVisibleData userNonVisibleData, String returnUrl, boolean returnRisk,
                          WebDeviceData web, AppDeviceData app) {

  public AuthRequest {
    Fields.ipAddress("endUserIp", endUserIp);
    requirement = requirement == null ? Requirement.NONE : requirement;
    if (userVisibleData != null) {
      userVisibleData.checkEncodedLength(StartRequests.AUTH_VISIBLE_DATA_MAX);
    }
    StartRequests.checkDevice(returnUrl, web, app);
  }

  public static Builder builder(String endUserIp) {
    return new Builder(endUserIp);
  }

  AuthRequest withRequirement(Requirement replacement) {
    return new AuthRequest(endUserIp, replacement, userVisibleData, userNonVisibleData, returnUrl, returnRisk, web, app);
  }

  public JsonObject toJson() {
    return StartRequests.withDevice(StartRequests.json(requirement, userVisibleData, userNonVisibleData),
      endUserIp, returnUrl, returnRisk, web, app);
  }

  public static final class Builder extends StartRequestBuilder<Builder, AuthRequest> {
    private Builder(String endUserIp) {
      super(endUserIp);
    }

    @Override
    public AuthRequest build() {
      return new AuthRequest(endUserIp, requirement, userVisibleData, userNonVisibleData, returnUrl, returnRisk,
        web, app);
    }
  }
}
