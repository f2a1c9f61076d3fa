package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/** {@code POST /phone/sign}: the person we are talking to on the phone signs {@code userVisibleData}. */
public record PhoneSignRequest(String personalNumber, CallInitiator callInitiator, Requirement requirement,
                               UserVisibleData userVisibleData, UserNonVisibleData userNonVisibleData) {

  public PhoneSignRequest {
    Fields.personalNumber("personalNumber", personalNumber);
    if (callInitiator == null) {
      throw new InvalidRequestException("callInitiator", "is required (USER or RP)");
    }
    requirement = requirement == null ? Requirement.NONE : requirement;
    StartRequests.checkPhoneRequirement(requirement);
    if (userVisibleData == null) {
      throw new InvalidRequestException("userVisibleData", "is required for sign");
    }
    userVisibleData.checkEncodedLength(StartRequests.SIGN_VISIBLE_DATA_MAX);
  }

  public static PhoneSignRequest of(String personalNumber, CallInitiator callInitiator, UserVisibleData visible) {
    return new PhoneSignRequest(personalNumber, callInitiator, null, visible, null);
  }

  PhoneSignRequest withRequirement(Requirement replacement) {
    return new PhoneSignRequest(personalNumber, callInitiator, replacement, userVisibleData, userNonVisibleData);
  }

  public JsonObject toJson() {
    return StartRequests.json(requirement, userVisibleData, userNonVisibleData)
      .put("personalNumber", personalNumber)
      .put("callInitiator", callInitiator.wireName());
  }

  @Override
  public String toString() {
    return "PhoneSignRequest[callInitiator=" + callInitiator + ", requirement=" + requirement
      + ", userVisibleData=" + (userVisibleData != null) + ", userNonVisibleData=" + (userNonVisibleData != null) + "]";
  }
}
