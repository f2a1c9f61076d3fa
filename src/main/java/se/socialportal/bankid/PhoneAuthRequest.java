package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * {@code POST /phone/auth}: identify the person we are talking to on the phone. BankID pushes the order to that
 * person's app; there is no QR code or autostart token.
 */
public record PhoneAuthRequest(String personalNumber, CallInitiator callInitiator, Requirement requirement,
                               UserVisibleData userVisibleData, UserNonVisibleData userNonVisibleData) {

  public PhoneAuthRequest {
    Fields.personalNumber("personalNumber", personalNumber);
    if (callInitiator == null) {
      throw new InvalidRequestException("callInitiator", "is required (USER or RP)");
    }
    requirement = requirement == null ? Requirement.NONE : requirement;
    StartRequests.checkPhoneRequirement(requirement);
    if (userVisibleData != null) {
      userVisibleData.checkEncodedLength(StartRequests.AUTH_VISIBLE_DATA_MAX);
    }
  }

  public static PhoneAuthRequest of(String personalNumber, CallInitiator callInitiator) {
    return new PhoneAuthRequest(personalNumber, callInitiator, null, null, null);
  }

  PhoneAuthRequest withRequirement(Requirement replacement) {
    return new PhoneAuthRequest(personalNumber, callInitiator, replacement, userVisibleData, userNonVisibleData);
  }

  public JsonObject toJson() {
    return StartRequests.json(requirement, userVisibleData, userNonVisibleData)
      .put("personalNumber", personalNumber)
      .put("callInitiator", callInitiator.wireName());
  }

  @Override
  public String toString() {
    return "PhoneAuthRequest[callInitiator=" + callInitiator + ", requirement=" + requirement
      + ", userVisibleData=" + (userVisibleData != null) + ", userNonVisibleData=" + (userNonVisibleData != null) + "]";
  }
}
