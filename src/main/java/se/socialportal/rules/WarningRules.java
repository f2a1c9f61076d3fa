package se.socialportal.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Every warning type with its texts and thresholds, as in force for a month. */
public record WarningRules(String version, Map<WarningType, WarningRule> rules) {

  public WarningRules {
    rules = Collections.unmodifiableMap(new EnumMap<>(rules));
  }

  public WarningRule rule(WarningType type) {
    return rules.get(type);
  }
}
