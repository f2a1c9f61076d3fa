package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Request records: every v6.0 field, client-side validation, no personal numbers in messages")
class BankIdRequestsTest {

  private static final String TOLVAN = "191212121212";

  @Test
  @DisplayName("an auth request with every field serialises as BankID expects, text base64-encoded by the client")
  void authWithEveryField() {
    AuthRequest request = AuthRequest.builder("192.0.2.10")
      .requirement(Requirement.builder().pinCode(true).mrtd(false).cardReader(CardReader.CLASS2)
        .certificatePolicy("1.2.752.78.1.5").personalNumber(TOLVAN).risk(RiskLevel.MODERATE).build())
      .userVisibleData(UserVisibleData.simpleMarkdown("# Logga in\n\nSocialtjänsten – åäö"))
      .userNonVisibleData(UserNonVisibleData.ofText("case-42"))
      .returnUrl("https://e-tjanster.example.se/login#state")
      .returnRisk(true)
      .web(new WebDeviceData("e-tjanster.example.se", "Mozilla/5.0", "abc123"))
      .build();
    JsonObject json = request.toJson();
    assertEquals("192.0.2.10", json.getString("endUserIp"));
    assertEquals("# Logga in\n\nSocialtjänsten – åäö",
      new String(Base64.getDecoder().decode(json.getString("userVisibleData")), StandardCharsets.UTF_8));
    assertEquals("simpleMarkdownV1", json.getString("userVisibleDataFormat"));
    assertEquals("Y2FzZS00Mg==", json.getString("userNonVisibleData"));
    assertEquals("https://e-tjanster.example.se/login#state", json.getString("returnUrl"));
    assertTrue(json.getBoolean("returnRisk"));
    JsonObject requirement = json.getJsonObject("requirement");
    assertEquals(new JsonObject().put("pinCode", true).put("mrtd", false).put("cardReader", "class2")
      .put("certificatePolicies", new io.vertx.core.json.JsonArray().add("1.2.752.78.1.5"))
      .put("personalNumber", TOLVAN).put("risk", "moderate"), requirement);
    assertEquals(new JsonObject().put("referringDomain", "e-tjanster.example.se").put("userAgent", "Mozilla/5.0")
      .put("deviceIdentifier", "abc123"), json.getJsonObject("web"));
    assertNull(json.getValue("app"));
  }

  @Test
  @DisplayName("plain text has no format field; app data is sent as app")
  void plainTextAndApp() {
    JsonObject json = SignRequest.builder("2001:db8::1", UserVisibleData.plainText("Jag ansöker"))
      .app(new AppDeviceData("se.example.app", "iOS 18", "device-1", "iPhone 16")).build().toJson();
    assertFalse(json.containsKey("userVisibleDataFormat"));
    assertFalse(json.containsKey("requirement"), "an empty requirement is left out");
    assertEquals("iPhone 16", json.getJsonObject("app").getString("deviceModelName"));
  }

  @Test
  @DisplayName("phone requests carry personalNumber and callInitiator")
  void phoneRequests() {
    JsonObject auth = PhoneAuthRequest.of(TOLVAN, CallInitiator.RP).toJson();
    assertEquals(TOLVAN, auth.getString("personalNumber"));
    assertEquals("RP", auth.getString("callInitiator"));
    JsonObject sign = PhoneSignRequest.of(TOLVAN, CallInitiator.USER, UserVisibleData.plainText("Ja")).toJson();
    assertEquals("user", sign.getString("callInitiator"));
    assertFalse(PhoneAuthRequest.of(TOLVAN, CallInitiator.RP).toString().contains(TOLVAN));
  }

  @Test
  @DisplayName("invalid input is refused before sending, naming the field but never the personal number")
  void validation() {
    assertField("endUserIp", () -> AuthRequest.builder("example.com").build());
    assertField("endUserIp", () -> AuthRequest.builder(" ").build());
    assertField("endUserIp", () -> AuthRequest.builder("300.1.1.1").build());
    InvalidRequestException personalNumber = assertField("requirement.personalNumber",
      () -> Requirement.builder().personalNumber("191212121213").build());
    assertFalse(personalNumber.getMessage().contains("191212121213"), personalNumber.getMessage());
    assertField("personalNumber", () -> PhoneAuthRequest.of("19121212121", CallInitiator.RP));
    assertField("callInitiator", () -> PhoneAuthRequest.of(TOLVAN, null));
    assertField("requirement.personalNumber", () -> new PhoneAuthRequest(TOLVAN, CallInitiator.RP,
      Requirement.builder().personalNumber(TOLVAN).build(), null, null));
    assertField("requirement.certificatePolicies", () -> Requirement.builder().certificatePolicy("mobile").build());
    assertField("requirement.risk", () -> Requirement.builder().risk(RiskLevel.HIGH).build());
    assertField("userVisibleData", () -> SignRequest.builder("10.0.0.1", null).build());
    assertField("userVisibleData", () -> AuthRequest.builder("10.0.0.1")
      .userVisibleData(UserVisibleData.plainText("x".repeat(1200))).build());
    assertField("userVisibleData", () -> SignRequest.builder("10.0.0.1",
      UserVisibleData.plainText("x".repeat(30_001))).build());
    assertField("userNonVisibleData", () -> new UserNonVisibleData("not base64!"));
    assertField("userNonVisibleData", () -> UserNonVisibleData.ofBytes(new byte[1200]));
    assertField("web.referringDomain", () -> new WebDeviceData("https://example.se/path", null, null));
    assertField("web.userAgent", () -> new WebDeviceData(null, "x".repeat(257), null));
    assertField("web.deviceIdentifier", () -> new WebDeviceData(null, null, "x".repeat(65)));
    assertField("app.deviceIdentifier", () -> new AppDeviceData(null, null, "x".repeat(65), null));
    assertField("web", () -> AuthRequest.builder("10.0.0.1").web(new WebDeviceData("example.se", null, null))
      .app(new AppDeviceData("se.example", null, null, null)).build());
    assertField("returnUrl", () -> AuthRequest.builder("10.0.0.1").returnUrl("/relative").build());
  }

  @Test
  @DisplayName("requests and requirements print no personal number")
  void toStringRedacts() {
    Requirement requirement = Requirement.builder().personalNumber(TOLVAN).build();
    AuthRequest request = AuthRequest.builder("10.0.0.1").requirement(requirement)
      .userVisibleData(UserVisibleData.plainText("Inloggning för " + TOLVAN)).build();
    assertFalse(request.toString().contains(TOLVAN), request.toString());
  }

  @Test
  @DisplayName("default certificate policies apply only when the order names none")
  void defaultPolicies() {
    List<String> defaults = List.of("1.2.3.4.25");
    assertEquals(defaults, Requirement.NONE.withDefaultPolicies(defaults).certificatePolicies());
    Requirement own = Requirement.builder().certificatePolicy("1.2.3.4.5").build();
    assertEquals(List.of("1.2.3.4.5"), own.withDefaultPolicies(defaults).certificatePolicies());
  }

  @Test
  @DisplayName("personal numbers: date, samordningsnummer and Luhn check; redaction in free text")
  void personalNumbers() {
    assertTrue(PersonalNumbers.isValid(TOLVAN));
    assertTrue(PersonalNumbers.isValid("198001019804"));
    assertFalse(PersonalNumbers.isValid("191212121213"), "wrong check digit");
    assertFalse(PersonalNumbers.isValid("191213321212"), "no 13th month");
    assertFalse(PersonalNumbers.isValid("1912121212"), "ten digits");
    assertEquals(4, PersonalNumbers.checkDigit("800101980"));
    assertEquals("Incorrect [personnummer] and [personnummer], order 123",
      PersonalNumbers.redact("Incorrect 191212121212 and 121212-1212, order 123"));
  }

  private static InvalidRequestException assertField(String field, Runnable action) {
    InvalidRequestException failure = assertThrows(InvalidRequestException.class, action::run);
    assertEquals(field, failure.field(), failure.getMessage());
    return failure;
  }
}
