package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Set;

/**
 * Removes addresses from data shown about a household with protected personal data (skyddad folkbokföring,
 * sekretessmarkering): register data, comparisons and trace output can carry an address from another authority, and
 * none may ever reach a screen, a letter or an export. Works on copies; the stored data is not changed.
 *
 * <p>Only address fields are masked, recognised by their whole name (or a name ending in "address"/"adress"): a
 * search for parts of words would also hit amounts such as {@code householdElectricity} ("city") or
 * {@code activitySupport} ("ort"), and a masked amount helps nobody.
 */
public final class AddressMask {

  public static final String MASK = "[skyddad adress]";
  private static final Set<String> ADDRESS_KEYS = Set.of("address", "adress", "street", "streetaddress", "gata",
    "gatuadress", "postnummer", "postalcode", "postcode", "zip", "zipcode", "postort", "city", "ort", "careof", "c_o",
    "co", "fastighet", "fastighetsbeteckning", "lagenhet", "lagenhetsnummer", "apartment", "apartmentnumber");

  private AddressMask() {
  }

  public static JsonObject mask(JsonObject json) {
    if (json == null) {
      return null;
    }
    JsonObject copy = new JsonObject();
    json.forEach(entry -> copy.put(entry.getKey(), isAddress(entry.getKey()) ? MASK : maskValue(entry.getValue())));
    return copy;
  }

  static boolean isAddress(String key) {
    String name = key.toLowerCase(Locale.ROOT).replace("-", "").replace(".", "");
    return ADDRESS_KEYS.contains(name) || name.endsWith("address") || name.endsWith("adress")
      || name.endsWith("adresser");
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
