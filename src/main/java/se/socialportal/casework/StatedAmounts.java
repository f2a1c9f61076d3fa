package se.socialportal.casework;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.robot.Content;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The calculation's "Angivet" column read from the application itself, so the case view's application section and
 * its calculation can never tell two stories: whatever the proposal stored as entered, the amount shown beside a cost,
 * an income or a need is the one in the application's content (the same document the application section shows).
 * A line the household stated nothing for has no stated amount (null), and neither have riksnorm lines.
 */
public final class StatedAmounts {

  private StatedAmounts() {
  }

  /** A copy of the calculation JSON with every cost, income and need line's {@code entered} taken from the content. */
  public static JsonObject apply(JsonObject calculation, JsonObject applicationContent) {
    JsonObject copy = calculation.copy();
    Content content = new Content(applicationContent);
    Map<String, BigDecimal> costs = content.costs();
    // Incomes are lines of their own per entry: the n-th line of a person and type is the n-th such entry.
    Map<String, Deque<BigDecimal>> incomes = new HashMap<>();
    for (Object item : content.incomes()) {
      JsonObject income = (JsonObject) item;
      incomes.computeIfAbsent(incomeKey(income.getString("person"), income.getString("type")), key -> new ArrayDeque<>())
        .add(amount(income.getValue("amount")));
    }
    JsonArray needs = content.needs();
    JsonArray lines = copy.getJsonArray("lines", new JsonArray());
    for (int i = 0; i < lines.size(); i++) {
      JsonObject line = lines.getJsonObject(i);
      String section = line.getString("section");
      BigDecimal stated = switch (section == null ? "" : section) {
        case "cost" -> costs.get(line.getString("subject"));
        case "income" -> {
          Deque<BigDecimal> queue = incomes.get(incomeKey(firstPerson(line), line.getString("subject")));
          yield queue == null ? null : queue.poll();
        }
        case "need" -> need(line, needs);
        default -> null;
      };
      line.put("entered", stated == null ? null : stated.stripTrailingZeros().toPlainString());
    }
    return copy;
  }

  /** A need line made by the robot is "need:&lt;index in the content&gt;"; one a handläggare added has no stated amount. */
  private static BigDecimal need(JsonObject line, JsonArray needs) {
    String key = line.getString("key", "");
    if (!key.matches("need:\\d+")) {
      return null;
    }
    int index = Integer.parseInt(key.substring("need:".length()));
    return index < needs.size() ? amount(needs.getJsonObject(index).getValue("amount")) : null;
  }

  private static String firstPerson(JsonObject line) {
    JsonArray persons = line.getJsonArray("persons");
    return persons == null || persons.isEmpty() ? "applicant" : persons.getString(0);
  }

  private static String incomeKey(String person, String type) {
    return (person == null ? "applicant" : person) + "|" + type;
  }

  private static BigDecimal amount(Object value) {
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
  }
}
