package se.socialportal.norm;

import java.util.Map;
import java.util.Objects;

/**
 * How one income type is treated.
 *
 * @param employment income of employment (inkomst av anställning): jobbstimulans and the children's one-prisbasbelopp
 *                   allowance apply to it (prop. 2012/13:94)
 * @param labels     the type's name per language ("sv", "en")
 * @param note       the legal basis, shown to handläggare and kept with the calculation
 */
public record IncomeRule(String type, IncomeTreatment treatment, boolean employment, Map<String, String> labels,
                         String note) {

  public IncomeRule {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(treatment, "treatment");
    labels = Map.copyOf(labels);
  }

  public String label(String language) {
    return labels.getOrDefault(language, labels.getOrDefault("sv", type));
  }
}
