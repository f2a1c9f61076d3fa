package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.bankid.IpAddresses;
import se.socialportal.bankid.PersonalNumbers;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates RP API request bodies the way BankID does: anything malformed is invalidParameters with a short
 * details text naming the field (never its value).
 */
final class RpRequests {

  private static final int AUTH_VISIBLE_DATA_MAX = 1500;
  private static final int SIGN_VISIBLE_DATA_MAX = 40_000;
  private static final int NON_VISIBLE_DATA_MAX = 1500;
  private static final Set<String> CARD_READERS = Set.of("class1", "class2");
  private static final Set<String> RISK_LEVELS = Set.of("low", "moderate");

  private RpRequests() {
  }

  static OrderRequest start(OrderType type, JsonObject body, String rpName) {
    JsonObject requirement = object(body, "requirement");
    String personalNumber;
    String endUserIp = null;
    boolean returnRisk = false;
    String callInitiator = null;
    if (type.phone()) {
      personalNumber = personalNumber(body, "personalNumber", true);
      callInitiator = string(body, "callInitiator");
      if (!"user".equals(callInitiator) && !"RP".equals(callInitiator)) {
        throw invalid("callInitiator");
      }
      if (requirement != null && requirement.containsKey("personalNumber")) {
        throw invalid("requirement");
      }
    } else {
      endUserIp = string(body, "endUserIp");
      if (!IpAddresses.isLiteral(endUserIp)) {
        throw invalid("endUserIp");
      }
      personalNumber = requirement == null ? null : personalNumber(requirement, "personalNumber", false);
      returnRisk = Boolean.TRUE.equals(bool(body, "returnRisk"));
      checkReturnUrl(body);
      checkDevice(object(body, "web"), "web", List.of("referringDomain", "userAgent", "deviceIdentifier"));
      checkDevice(object(body, "app"), "app",
        List.of("appIdentifier", "deviceOS", "deviceIdentifier", "deviceModelName"));
    }
    List<String> policies = requirement == null ? List.of() : checkRequirement(requirement);
    String visibleBase64 = string(body, "userVisibleData");
    if (visibleBase64 == null && type.signing()) {
      throw invalid("userVisibleData");
    }
    String visibleText = visibleBase64 == null ? null
      : utf8(base64(visibleBase64, type.signing() ? SIGN_VISIBLE_DATA_MAX : AUTH_VISIBLE_DATA_MAX, "userVisibleData"),
        "userVisibleData");
    String format = string(body, "userVisibleDataFormat");
    if (format != null && !"simpleMarkdownV1".equals(format)) {
      throw invalid("userVisibleDataFormat");
    }
    String nonVisibleBase64 = string(body, "userNonVisibleData");
    if (nonVisibleBase64 != null) {
      base64(nonVisibleBase64, NON_VISIBLE_DATA_MAX, "userNonVisibleData");
    }
    boolean mrtd = requirement != null && Boolean.TRUE.equals(bool(requirement, "mrtd"));
    return new OrderRequest(type, personalNumber, endUserIp, visibleText, visibleBase64, format, nonVisibleBase64,
      policies, mrtd, returnRisk, callInitiator, rpName);
  }

  static String orderRef(JsonObject body) {
    String orderRef = string(body, "orderRef");
    if (orderRef == null || orderRef.isBlank() || orderRef.length() > 100) {
      throw invalid("orderRef");
    }
    return orderRef;
  }

  private static List<String> checkRequirement(JsonObject requirement) {
    bool(requirement, "pinCode");
    bool(requirement, "mrtd");
    String cardReader = string(requirement, "cardReader");
    if (cardReader != null && !CARD_READERS.contains(cardReader)) {
      throw invalid("requirement.cardReader");
    }
    String risk = string(requirement, "risk");
    if (risk != null && !RISK_LEVELS.contains(risk.toLowerCase(Locale.ROOT))) {
      throw invalid("requirement.risk");
    }
    Object policies = requirement.getValue("certificatePolicies");
    if (policies == null) {
      return List.of();
    }
    if (!(policies instanceof JsonArray array)) {
      throw invalid("requirement.certificatePolicies");
    }
    List<String> result = new ArrayList<>();
    for (Object policy : array) {
      if (!(policy instanceof String text) || !text.matches("\\d+(\\.(\\d+|\\*))+")) {
        throw invalid("requirement.certificatePolicies");
      }
      result.add(text);
    }
    return result;
  }

  private static void checkReturnUrl(JsonObject body) {
    String returnUrl = string(body, "returnUrl");
    if (returnUrl == null) {
      return;
    }
    try {
      if (!new URI(returnUrl).isAbsolute() || returnUrl.length() > 2048) {
        throw invalid("returnUrl");
      }
    } catch (URISyntaxException e) {
      throw invalid("returnUrl");
    }
  }

  private static void checkDevice(JsonObject device, String name, List<String> fields) {
    if (device == null) {
      return;
    }
    for (String field : fields) {
      String value = string(device, field);
      int max = field.equals("deviceIdentifier") ? 64 : 256;
      if (value != null && (value.isEmpty() || value.length() > max)) {
        throw invalid(name + "." + field);
      }
    }
  }

  private static String personalNumber(JsonObject json, String key, boolean required) {
    String value = string(json, key);
    if (value == null && !required) {
      return null;
    }
    if (!PersonalNumbers.isValid(value)) {
      throw invalid(key);
    }
    return value;
  }

  private static byte[] base64(String value, int maxLength, String field) {
    if (value.isEmpty() || value.length() > maxLength || value.length() % 4 != 0) {
      throw invalid(field);
    }
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw invalid(field);
    }
  }

  private static String utf8(byte[] bytes, String field) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw invalid(field);
    }
  }

  private static String string(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw invalid(key);
    }
    return (String) value;
  }

  private static Boolean bool(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof Boolean)) {
      throw invalid(key);
    }
    return (Boolean) value;
  }

  private static JsonObject object(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof JsonObject)) {
      throw invalid(key);
    }
    return (JsonObject) value;
  }

  private static SimulatorException invalid(String field) {
    return SimulatorException.invalidParameters("Invalid " + field);
  }
}
