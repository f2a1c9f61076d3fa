package se.socialportal.casework;

import io.vertx.core.json.JsonObject;
import se.socialportal.platform.http.Messages;

import java.time.YearMonth;

/**
 * A case whose calculation waits for rules that are not loaded yet (the robot's robot_waiting_for_rules view): what
 * it waits for, in the words staff read — "Riksnormen för 2027 är inte inläst ännu." The robot goes on by itself
 * once the file is in robots/.
 */
final class RulesWaiting {

  private RulesWaiting() {
  }

  /** Null when the case does not wait for rules. */
  static JsonObject json(String kind, String month) {
    if (kind == null || month == null) {
      return null;
    }
    String year = String.valueOf(YearMonth.parse(month).getYear());
    String text = Messages.text("sv", "rules.waiting." + kind, year);
    return new JsonObject().put("kind", kind).put("month", month).put("text", text);
  }
}
