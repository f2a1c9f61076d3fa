package se.socialportal.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One warning type: its texts per language and its thresholds (e.g. INCOME_CHANGE: {@code percent} 20,
 * {@code minimumKronor} 500; DECLARED_VS_REGISTER_MISMATCH: {@code kronor} 100).
 */
public record WarningRule(WarningType type, Map<String, String> label, Map<String, String> description,
                          Map<String, BigDecimal> threshold) {

  public WarningRule {
    label = Map.copyOf(label);
    description = Map.copyOf(description);
    threshold = Map.copyOf(threshold);
  }

  public Optional<BigDecimal> threshold(String name) {
    return Optional.ofNullable(threshold.get(name));
  }
}
