package se.socialportal.rules;

import io.vertx.core.json.JsonObject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads robots/robot-motivering.json and checks what its schema cannot: every {placeholder} is one the robot fills in
 * for that text, so a misspelt one stops startup (or a reload) instead of reaching a resident's letter.
 */
final class RobotMotiveringReader {

  private RobotMotiveringReader() {
  }

  static RobotMotivering read(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    Map<RobotMotivering.Text, String> texts = new EnumMap<>(RobotMotivering.Text.class);
    for (RobotMotivering.Text text : RobotMotivering.Text.values()) {
      String value = json.getJsonObject(text.section()).getString(text.key());
      check(file, text.pointer(), value, text.placeholders(), problems);
      texts.put(text, value);
    }
    JsonObject household = json.getJsonObject("household");
    check(file, "/household/partTime", household.getString("partTime"), Set.of("children"), problems);
    check(file, "/household/others", household.getString("others"), Set.of("others"), problems);
    return new RobotMotivering(file.version(), texts, new RobotMotivering.Household(
      household.getJsonArray("numbers").stream().map(String::valueOf).toList(), noun(household, "adult"),
      noun(household, "child"), noun(household, "otherAdult"), household.getString("and"),
      household.getString("separator"), household.getString("partTime"), household.getString("others")));
  }

  private static RobotMotivering.Noun noun(JsonObject household, String name) {
    JsonObject noun = household.getJsonObject(name);
    return new RobotMotivering.Noun(noun.getString("one"), noun.getString("many"),
      Optional.ofNullable(noun.getString("numberForOne")));
  }

  private static void check(RuleFile file, String pointer, String text, Set<String> allowed, Problems problems) {
    Set<String> unknown = RobotMotivering.unknownPlaceholders(text, allowed);
    if (!unknown.isEmpty()) {
      problems.add(file, pointer, "unknown placeholder(s) " + unknown + "; this text may use "
        + new java.util.TreeSet<>(allowed));
    }
  }
}
