package se.socialportal.norm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Which income types are counted, not counted or need review, and the jobbstimulans rule (robots/income-classification). */
public record IncomeClassification(String version, Map<String, IncomeRule> types, JobbstimulansRule jobbstimulans) {

  public IncomeClassification {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(jobbstimulans, "jobbstimulans");
    types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  public Optional<IncomeRule> rule(String type) {
    return Optional.ofNullable(types.get(type));
  }
}
