package se.socialportal.rules;

import java.util.Optional;

/** Decision types a nämnd may let the robot decide automatically (KL 6 kap. 37 §), named as in robots/. */
public enum DecisionType {
  FORSORJNINGSSTOD_BIFALL("forsorjningsstodBifall"),
  FORSORJNINGSSTOD_AVSLAG_NORMOVERSKOTT("forsorjningsstodAvslagNormoverskott");

  private final String key;

  DecisionType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<DecisionType> fromKey(String key) {
    for (DecisionType type : values()) {
      if (type.key.equals(key)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
