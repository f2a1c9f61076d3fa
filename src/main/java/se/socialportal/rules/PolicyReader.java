package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The robot's policies: warning rules (national), stickprov and automation (per tenant). */
final class PolicyReader {

  /** Thresholds without which a warning type cannot be evaluated. */
  private static final Map<WarningType, String> REQUIRED_THRESHOLD = Map.of(
    WarningType.INCOME_CHANGE, "percent",
    WarningType.DECLARED_VS_REGISTER_MISMATCH, "kronor");

  private PolicyReader() {
  }

  static WarningRules warnings(RuleFile file, Problems problems) {
    Map<WarningType, WarningRule> rules = new EnumMap<>(WarningType.class);
    JsonArray array = file.json().getJsonArray("warnings");
    for (int i = 0; i < array.size(); i++) {
      JsonObject warning = array.getJsonObject(i);
      WarningType type = WarningType.valueOf(warning.getString("type"));
      if (rules.containsKey(type)) {
        problems.add(file, "/warnings/" + i + "/type", type + " appears twice");
        continue;
      }
      Map<String, BigDecimal> threshold = new LinkedHashMap<>();
      JsonObject thresholds = warning.getJsonObject("threshold", new JsonObject());
      thresholds.fieldNames().forEach(name -> threshold.put(name, RuleValues.number(thresholds, name)));
      String required = REQUIRED_THRESHOLD.get(type);
      if (required != null && !threshold.containsKey(required)) {
        problems.add(file, "/warnings/" + i + "/threshold", type + " needs threshold." + required);
      }
      rules.put(type, new WarningRule(type, RuleValues.labels(warning.getJsonObject("label")),
        RuleValues.labels(warning.getJsonObject("description")), threshold));
    }
    Set<WarningType> missing = EnumSet.allOf(WarningType.class);
    missing.removeAll(rules.keySet());
    if (!missing.isEmpty()) {
      problems.add(file, "/warnings", "every warning type needs a rule; missing: "
        + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    return new WarningRules(file.version(), rules);
  }

  static StickprovRule stickprov(RuleFile file, Problems problems) {
    Set<String> channels = new HashSet<>();
    file.json().getJsonArray("channels").forEach(channel -> channels.add(String.valueOf(channel)));
    List<String> missing = IntakeChannel.codes().stream().filter(channel -> !channels.contains(channel)).toList();
    if (!missing.isEmpty()) {
      // Norrtälje sampled digital applications only and found it treated residents unequally
      // (docs/sources.md#likabehandling-and-stickprov): a rule that leaves a channel out never reaches the robot.
      problems.add(file, "/channels", "leaves out " + String.join(", ", missing) + ": a stickprov must draw from "
        + "every channel alike (likställighetsprincipen, 2 kap. 3 § KL)");
    }
    return new StickprovRule(file.version(), RuleValues.number(file.json(), "percent"), channels);
  }

  static AutomationRule automation(RuleFile file) {
    Set<DecisionType> types = EnumSet.noneOf(DecisionType.class);
    file.json().getJsonArray("decisionTypes")
      .forEach(type -> types.add(DecisionType.fromKey(String.valueOf(type)).orElseThrow()));
    return new AutomationRule(file.version(), types, file.json().getString("source"));
  }
}
