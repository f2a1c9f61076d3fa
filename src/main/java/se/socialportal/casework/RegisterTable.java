package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.robot.Content;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The register data the robot fetched (SSBTEK: one answer per adult and agency) as rows a handläggare can read:
 * source, period, person, type, amount, and what the robot did with it. Payments are compared with what the household
 * declared for the same income type — the robot's DECLARED_VS_REGISTER_MISMATCH warning says where they differ —
 * facts are shown as they are, and an agency that had not reported the whole month is named as such.
 *
 * <p>Each row's {@code handling} is a code with a text on the staff pages: {@code mismatch} (differs from the
 * application, the proposal carries a warning), {@code compared} (checked against the declared amount, no warning),
 * {@code fact} (shown, not used in the calculation), {@code incomplete} (the agency had not reported the whole month),
 * {@code unavailable} (no answer: check by hand), {@code shown} (data in a shape the robot does not interpret).
 */
public final class RegisterTable {

  /** Every handling code a row can carry (each has its text on the staff pages). */
  public static final java.util.List<String> HANDLING = java.util.List.of("mismatch", "compared", "fact", "incomplete",
    "unavailable", "shown");

  private RegisterTable() {
  }

  public static JsonArray rows(JsonObject registerData, JsonObject applicationContent, List<Proposals.Warning> warnings) {
    JsonArray rows = new JsonArray();
    if (registerData == null || registerData.isEmpty()) {
      return rows;
    }
    JsonArray persons = registerData.getValue("persons") instanceof JsonArray array ? array : null;
    if (persons == null) {
      // Not an SSBTEK answer: every value as a row of its own, still no raw JSON on the page.
      String source = registerData.getString("source", "");
      registerData.forEach(entry -> {
        if (!"source".equals(entry.getKey())) {
          rows.add(row(source, null, null, "fact", entry.getKey(), null, String.valueOf(entry.getValue()), null, "shown"));
        }
      });
      return rows;
    }
    Map<String, BigDecimal> declared = declaredByType(applicationContent);
    for (Object item : persons) {
      JsonObject person = (JsonObject) item;
      String month = person.getString("month");
      String role = person.getString("role");
      for (Object agencyItem : person.getJsonArray("agencies", new JsonArray())) {
        JsonObject agency = (JsonObject) agencyItem;
        String source = agency.getString("name", agency.getString("agency"));
        String status = agency.getString("status", "COMPLETE");
        if (!"COMPLETE".equals(status)) {
          rows.add(row(source, month, role, "status", null, null, null, null,
            "UNAVAILABLE".equals(status) ? "unavailable" : "incomplete"));
        }
        for (Object paymentItem : agency.getJsonArray("payments", new JsonArray())) {
          JsonObject payment = (JsonObject) paymentItem;
          String type = payment.getString("incomeType");
          boolean mismatch = warnings.stream().anyMatch(warning -> "DECLARED_VS_REGISTER_MISMATCH".equals(warning.type())
            && warning.details() != null && type != null && type.equals(warning.details().getString("type")));
          BigDecimal stated = declared.get(type);
          rows.add(row(source, month, role, "payment", type, payment.getString("label"), payment.getString("amount"),
            stated == null ? "0" : stated.toPlainString(), mismatch ? "mismatch" : "compared")
            .put("code", payment.getString("code")));
        }
        JsonObject facts = agency.getJsonObject("facts", new JsonObject());
        new TreeMap<>(facts.getMap()).forEach((name, value) ->
          rows.add(row(source, month, role, "fact", name, null, String.valueOf(value), null, "fact")));
      }
    }
    return rows;
  }

  private static JsonObject row(String source, String period, String person, String kind, String type, String label,
                                String value, String declared, String handling) {
    return new JsonObject().put("source", source).put("period", period).put("person", person).put("kind", kind)
      .put("type", type).put("label", label).put("value", value).put("declared", declared).put("handling", handling);
  }

  /** What the household declared per income type, summed over its members, as the robot compares it. */
  private static Map<String, BigDecimal> declaredByType(JsonObject applicationContent) {
    Map<String, BigDecimal> declared = new TreeMap<>();
    for (Object item : new Content(applicationContent).incomes()) {
      JsonObject income = (JsonObject) item;
      Object amount = income.getValue("amount");
      declared.merge(income.getString("type"), amount == null ? BigDecimal.ZERO : new BigDecimal(amount.toString()),
        BigDecimal::add);
    }
    return declared;
  }
}
