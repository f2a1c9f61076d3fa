package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * {@code completionData} of a complete order. For a legally meaningful signature keep {@link #signature()},
 * {@link #ocspResponse()} and the orderRef together with the text the user saw.
 *
 * @param bankIdIssueDate when the user's BankID was issued; null if BankID sent none or an unreadable date
 * @param stepUp          null when absent
 * @param signature       base64 of BankID's XML signature document
 * @param ocspResponse    base64 of the OCSP response for the user's certificate
 * @param risk            only when the order asked for {@code returnRisk}
 */
public record CompletionData(User user, Device device, LocalDate bankIdIssueDate, StepUp stepUp, String signature,
                             String ocspResponse, RiskLevel risk) {

  /** The person. {@link #toString()} leaves the personal number out. */
  public record User(String personalNumber, String name, String givenName, String surname) {
    @Override
    public String toString() {
      return "User[personalNumber=" + (personalNumber == null ? "none" : "set") + "]";
    }
  }

  /** The user's device as BankID saw it: its IP address and BankID's unique hardware identifier. */
  public record Device(String ipAddress, String uhi) {
  }

  /** Whether the user also presented a machine-readable travel document (Swedish passport or national ID card). */
  public record StepUp(boolean mrtd) {
  }

  /** The XML signature document, decoded (UTF-8). */
  public String signatureXml() {
    return signature == null ? null : new String(Base64.getMimeDecoder().decode(signature), StandardCharsets.UTF_8);
  }

  /**
   * Reads BankID's JSON leniently: unknown fields are ignored, missing ones are null, and the step-up object is also
   * accepted as {@code setUp} (a known bug in BankID's own sample) or as a plain boolean.
   */
  public static CompletionData fromJson(JsonObject json) {
    JsonObject user = objectOrEmpty(json, "user");
    JsonObject device = objectOrEmpty(json, "device");
    return new CompletionData(
      new User(text(user, "personalNumber"), text(user, "name"), text(user, "givenName"), text(user, "surname")),
      new Device(text(device, "ipAddress"), text(device, "uhi")),
      date(text(json, "bankIdIssueDate")),
      stepUp(json.containsKey("stepUp") ? json.getValue("stepUp") : json.getValue("setUp")),
      text(json, "signature"),
      text(json, "ocspResponse"),
      RiskLevel.fromWire(text(json, "risk")));
  }

  private static StepUp stepUp(Object value) {
    if (value instanceof Boolean flag) {
      return new StepUp(flag);
    }
    if (value instanceof JsonObject object && object.getValue("mrtd") instanceof Boolean mrtd) {
      return new StepUp(mrtd);
    }
    if (value instanceof java.util.Map<?, ?> map && map.get("mrtd") instanceof Boolean mrtd) {
      return new StepUp(mrtd);
    }
    return null;
  }

  private static LocalDate date(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static JsonObject objectOrEmpty(JsonObject json, String key) {
    return json.getValue(key) instanceof JsonObject object ? object : new JsonObject();
  }

  private static String text(JsonObject json, String key) {
    Object value = json.getValue(key);
    return value == null ? null : String.valueOf(value);
  }

  @Override
  public String toString() {
    return "CompletionData[" + user + ", " + device + ", bankIdIssueDate=" + bankIdIssueDate + ", stepUp=" + stepUp
      + ", signature=" + (signature == null ? "none" : signature.length() + " characters")
      + ", ocspResponse=" + (ocspResponse == null ? "none" : ocspResponse.length() + " characters")
      + ", risk=" + risk + "]";
  }
}
