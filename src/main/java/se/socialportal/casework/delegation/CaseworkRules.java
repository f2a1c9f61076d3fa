package se.socialportal.casework.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Casework's rules from robots/: every tenant's delegation matrices (effective-dated versions) and the motivering
 * templates. Loaded and validated once at startup by {@link DelegationFiles}; immutable and thread-safe.
 */
public record CaseworkRules(Map<String, List<DelegationMatrix>> delegation, String templatesVersion,
                            List<MotiveringTemplate> templates) {

  public CaseworkRules {
    delegation = Map.copyOf(delegation);
    templates = List.copyOf(templates);
  }

  /** The tenant's matrix in force on the date; empty = nothing is delegated that day (only the nämnd decides). */
  public Optional<DelegationMatrix> matrix(String tenant, LocalDate date) {
    return delegation.getOrDefault(tenant, List.of()).stream().filter(matrix -> matrix.inForce(date)).findFirst();
  }

  public Optional<MotiveringTemplate> template(String id) {
    return templates.stream().filter(template -> template.id().equals(id)).findFirst();
  }
}
