package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * {@code POST /sign}: the user signs {@code userVisibleData} (required, at most 40 000 characters after base64) and
 * optionally {@code userNonVisibleData}; both end up in the XML signature of the completion data.
 */
public record SignRequest(String endUserIp, Requirement requirement, UserVisibleData userVisibleData,
                          UserNonVisibleData userNonVisibleData, String returnUrl, boolean returnRisk,
                          WebDeviceData web, AppDeviceData app) {

  public SignRequest {
    Fields.ipAddress("endUserIp", endUserIp);
    requirement = requirement == null ? Requirement.NONE : requirement;
    if (userVisibleData == null) {
      throw new InvalidRequestException("userVisibleData", "is required for sign");
    }
    userVisibleData.checkEncodedLength(StartRequests.SIGN_VISIBLE_DATA_MAX);
    StartRequests.checkDevice(returnUrl, web, app);
  }

  public static Builder builder(String endUserIp, UserVisibleData userVisibleData) {
    return new Builder(endUserIp).userVisibleData(userVisibleData);
  }

  SignRequest withRequirement(Requirement replacement) {
    return new SignRequest(endUserIp, replacement, userVisibleData, userNonVisibleData, returnUrl, returnRisk, web, app);
  }

  public JsonObject toJson() {
    return StartRequests.withDevice(StartRequests.json(requirement, userVisibleData, userNonVisibleData),
      endUserIp, returnUrl, returnRisk, web, app);
  }

  public static final class Builder extends StartRequestBuilder<Builder, SignRequest> {
    private Builder(String endUserIp) {
      super(endUserIp);
    }

    @Override
    public SignRequest build() {
      return new SignRequest(endUserIp, requirement, userVisibleData, userNonVisibleData, returnUrl, returnRisk,
        web, app);
    }
  }
}
