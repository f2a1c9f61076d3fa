package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * Removes addresses from data shown about a household with protected personal data (skyddad folkbokföring,
 * sekretessmarkering): register data, comparisons and trace output can carry an address from another authority, and
 * none may ever reach a screen, a letter or an export. Works on copies; the stored data is not changed.
 */
public final class AddressMask {

  public static final String MASK = "[skyddad adress]";
  private static final Pattern ADDRESS_KEY = Pattern.compile(
    "(?i).*(address|adress|street|gata|postnummer|postalcode|postcode|zip|postort|city|ort|careof|c_o|fastighet|lagenhet).*");

  private AddressMask() {
  }

  public static JsonObject mask(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonObject copy = new JsonObject();
    json.forEach(entry -> copy.put(entry.getKey(), ADDRESS_KEY.matcher(entry.getKey()).matches()
      ? MASK : maskValue(entry.getValue())));
    return copy;
  }

  private static Object maskValue(Object value) {
    if (value instanceof JsonObject) {
      return mask((JsonObject) value);
    }
    if (value instanceof JsonArray) {
      JsonArray copy = new JsonArray();
      ((JsonArray) value).forEach(item -> copy.add(maskValue(item)));
      return copy;
    }
    return value;
  }
}
