package se.socialportal.norm;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A municipality's skälighet limits in force: per cost type, the highest reasonable amount by household type
 * (docs/sources.md#reasonable-costs-and-caps). A cost above its limit is capped in the proposal and the line says so;
 * it is never silently reduced. A cost type or household type without a limit is taken as claimed.
 */
public record CostCaps(String version, Map<CostType, List<CapLimit>> limits) {

  public static final String NONE = "none";

  public CostCaps {
    Objects.requireNonNull(version, "version");
    EnumMap<CostType, List<CapLimit>> copy = new EnumMap<>(CostType.class);
    limits.forEach((type, list) -> copy.put(type, List.copyOf(list)));
    limits = Collections.unmodifiableMap(copy);
  }

  /** For a tenant that has decided no limits for the month. */
  public static CostCaps none() {
    return new CostCaps(NONE, Map.of());
  }

  public Optional<CapLimit> limitFor(CostType type, int adults, int children) {
    return limits.getOrDefault(type, List.of()).stream().filter(limit -> limit.matches(adults, children)).findFirst();
  }
}
