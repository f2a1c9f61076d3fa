package se.socialportal.bankid;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** The client-side checks every request record shares; each failure names the field, never the value. */
final class Fields {

  private static final Pattern OBJECT_IDENTIFIER = Pattern.compile("\\d+(\\.(\\d+|\\*))+");

  private Fields() {
  }

  static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException(field, "is required");
    }
    return value;
  }

  static String maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidRequestException(field, "must be at most " + max + " characters");
    }
    return value;
  }

  static String optionalText(String field, String value, int min, int max) {
    if (value == null) {
      return null;
    }
    if (value.length() < min || value.length() > max) {
      throw new InvalidRequestException(field, "must be " + min + "–" + max + " characters");
    }
    return value;
  }

  static String personalNumber(String field, String value) {
    if (!PersonalNumbers.isValid(value)) {
      throw new InvalidRequestException(field, "must be a valid personal number of 12 digits (YYYYMMDDNNNN)");
    }
    return value;
  }

  static String ipAddress(String field, String value) {
    required(field, value);
    if (!IpAddresses.isLiteral(value)) {
      throw new InvalidRequestException(field, "must be an IPv4 or IPv6 address");
    }
    return value;
  }

  static String objectIdentifier(String field, String value) {
    if (value == null || !OBJECT_IDENTIFIER.matcher(value).matches()) {
      throw new InvalidRequestException(field, "must be an object identifier such as 1.2.752.78.1.5");
    }
    return value;
  }

  static String base64OfUtf8(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static boolean isBase64(String value) {
    if (value == null || value.isEmpty() || value.length() % 4 != 0) {
      return false;
    }
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
