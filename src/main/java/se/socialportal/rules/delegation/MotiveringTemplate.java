package se.socialportal.rules.delegation;

import java.util.List;

/** A motivering template from robots/motivering-templates.json (FL 32 §). */
public record MotiveringTemplate(String id, String outcome, String label, String reasonCode, List<String> legalBasis,
                                 String text) {

  public MotiveringTemplate {
    legalBasis = List.copyOf(legalBasis);
  }

  /** The text with {month} and {amount} filled in; [bracketed] parts are left for the handläggare to replace. */
  public String fill(String month, String amount) {
    return text.replace("{month}", month).replace("{amount}", amount);
  }

  /** A motivering still holding a [placeholder] is not finished and cannot go into a decision. */
  public static boolean hasPlaceholder(String text) {
    return text.matches("(?s).*\\[[^\\]]{1,80}\\].*");
  }
}
