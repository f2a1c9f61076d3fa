package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to an application's content (schemas/application-content.schema.json), already validated by the
 * e-tjänst. Children and other adults are referred to positionally ("child:1") inside one month; across months the
 * robot knows them by first name and birth date ({@link #personKey}), so a reordered list is not a change.
 */
public final class Content {

  private final JsonObject content;

  public Content(JsonObject content) {
    this.content = content == null ? new JsonObject() : content;
  }

  public JsonObject json() {
    return content;
  }

  public JsonObject household() {
    return object(content, "household");
  }

  public Optional<JsonObject> coApplicant() {
    Object value = household().getValue("coApplicant");
    return value instanceof JsonObject ? Optional.of((JsonObject) value) : Optional.empty();
  }

  public JsonArray children() {
    return array(household(), "children");
  }

  public JsonArray otherAdults() {
    return array(household(), "otherAdults");
  }

  public JsonObject housing() {
    return object(content, "housing");
  }

  public JsonArray incomes() {
    return array(content, "incomes");
  }

  public JsonArray needs() {
    return array(content, "needs");
  }

  public JsonArray assets() {
    return array(content, "assets");
  }

  /** Every cost claimed, including rent and hushållsel from housing; only positive amounts. */
  public Map<String, BigDecimal> costs() {
    Map<String, BigDecimal> costs = new LinkedHashMap<>();
    JsonObject housing = housing();
    put(costs, "rent", Kronor.of(housing.getValue("rent")));
    put(costs, "householdElectricity", Kronor.of(housing.getValue("householdElectricity")));
    JsonObject other = object(content, "costs");
    for (String key : other.fieldNames()) {
      put(costs, key, Kronor.of(other.getValue(key)));
    }
    return costs;
  }

  /** Income sums by "person key|type", person keys as in {@link #personKey}. */
  public Map<String, BigDecimal> incomeSums() {
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    for (Object item : incomes()) {
      JsonObject income = (JsonObject) item;
      String key = personKey(income.getString("person")) + "|" + income.getString("type");
      sums.merge(key, Kronor.of(income.getValue("amount")), BigDecimal::add);
    }
    return sums;
  }

  /**
   * A person reference made stable across months: "applicant", "coApplicant", "child:Alva:2019-03-01",
   * "otherAdult:Kim:2001-05-05".
   */
  public String personKey(String ref) {
    if (ref == null || ref.equals("applicant") || ref.equals("coApplicant")) {
      return ref == null ? "applicant" : ref;
    }
    String[] parts = ref.split(":");
    JsonArray list = parts[0].equals("child") ? children() : otherAdults();
    int index = Integer.parseInt(parts[1]);
    if (index >= list.size()) {
      return ref;
    }
    JsonObject person = list.getJsonObject(index);
    return parts[0] + ":" + person.getString("firstName") + ":" + person.getString("birthDate");
  }

  private static void put(Map<String, BigDecimal> costs, String key, BigDecimal amount) {
    if (amount.signum() > 0) {
      costs.put(key, amount);
    }
  }

  static JsonObject object(JsonObject parent, String key) {
    Object value = parent.getValue(key);
    return value instanceof JsonObject ? (JsonObject) value : new JsonObject();
  }

  static JsonArray array(JsonObject parent, String key) {
    Object value = parent.getValue(key);
    return value instanceof JsonArray ? (JsonArray) value : new JsonArray();
  }
}
