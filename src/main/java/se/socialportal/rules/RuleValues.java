package se.socialportal.rules;

import io.vertx.core.json.JsonObject;
import se.socialportal.norm.Amounts;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading schema-valid values out of a rule file. */
final class RuleValues {

  private RuleValues() {
  }

  /** An amount in kronor with at most öre precision; a finer one is a problem at {@code pointer}. */
  static BigDecimal kronor(RuleFile file, JsonObject object, String key, String pointer, Problems problems) {
    Object value = object.getValue(key);
    if (value == null) {
      return null;
    }
    BigDecimal amount = new BigDecimal(value.toString());
    if (!Amounts.hasAtMostOre(amount)) {
      problems.add(file, pointer, "has more than two decimals (öre): " + value);
      return Amounts.ZERO;
    }
    return Amounts.kronor(amount);
  }

  static BigDecimal number(JsonObject object, String key) {
    Object value = object.getValue(key);
    return value == null ? null : new BigDecimal(value.toString());
  }

  static Map<String, String> labels(JsonObject labels) {
    Map<String, String> map = new LinkedHashMap<>();
    labels.forEach(entry -> map.put(entry.getKey(), String.valueOf(entry.getValue())));
    return map;
  }

  /** Swedish thousands grouping, for messages an operator compares with the statute. */
  static String kr(BigDecimal amount) {
    return String.format(java.util.Locale.ROOT, "%,.0f", amount).replace(',', ' ') + " kr";
  }
}
