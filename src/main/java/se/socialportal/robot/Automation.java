package se.socialportal.robot;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the robot may decide a proposal itself (KL 6 kap. 37 §: a nämnd may delegate a group of cases to an
 * automated decision function). Only where the tenant's rules list the decision type, and only for a re-application
 * with last month to compare with, no warning, no stickprov, nobody with protected identity, complete register data,
 * no need (livsföring i övrigt) and no declared assets to judge. Everything else goes to a handläggare. The default
 * rules list no decision type.
 */
public final class Automation {

  public static final String BIFALL = "forsorjningsstodBifall";
  public static final String AVSLAG_NORMOVERSKOTT = "forsorjningsstodAvslagNormoverskott";
  /** A cost was capped: never in the automation rules' list, as a partial grant needs a person's judgement. */
  public static final String DELVIS_BIFALL = "forsorjningsstodDelvisBifall";
  /** Every decision type the robot names in its trace. */
  public static final List<String> TYPES = List.of(BIFALL, DELVIS_BIFALL, AVSLAG_NORMOVERSKOTT);

  /** @param reasons why not (empty when automated), in Swedish, for the trace */
  public record Decision(boolean automated, String decisionType, List<String> reasons) {
    public Decision {
      reasons = List.copyOf(reasons);
    }
  }

  private Automation() {
  }

  /** The decision type in words, for the trace a handläggare reads. */
  static String label(String type) {
    return switch (type) {
      case BIFALL -> "bifall till försörjningsstöd";
      case AVSLAG_NORMOVERSKOTT -> "avslag på grund av normöverskott";
      default -> "delvis bifall till försörjningsstöd (en kostnad begränsad till skälig nivå)";
    };
  }

  public static Decision decide(CaseState state) {
    Calculation calculation = state.calculation().orElseThrow();
    String type = "avslag".equals(calculation.outcome()) ? AVSLAG_NORMOVERSKOTT
      : "bifall".equals(calculation.outcome()) ? BIFALL : DELVIS_BIFALL;
    List<String> reasons = new ArrayList<>();
    if (!state.rules().automatedDecisionTypes().contains(type)) {
      reasons.add("kommunens regler tillåter inte automatiskt beslut om " + label(type));
    }
    if (!"reapplication".equals(state.file().application().kind())) {
      reasons.add("inte en återansökan");
    }
    if (!state.comparison().hasBaseline()) {
      reasons.add("ingen ansökan förra månaden att jämföra med");
    }
    if (state.isProtected()) {
      reasons.add("skyddade personuppgifter");
    }
    if (!state.warnings.isEmpty()) {
      reasons.add(state.warnings.size() + " varningar");
    }
    if (state.stickprov != null && state.stickprov.sampled()) {
      reasons.add("stickprov");
    }
    if (!state.missingAgencies.isEmpty()) {
      reasons.add("registeruppgifter saknas");
    }
    Content content = new Content(state.file().application().content());
    if (!content.needs().isEmpty()) {
      reasons.add("ansökan om livsföring i övrigt");
    }
    boolean assets = content.assets().stream()
      .anyMatch(asset -> Kronor.of(((io.vertx.core.json.JsonObject) asset).getValue("value")).signum() > 0);
    if (assets) {
      reasons.add("tillgångar ska bedömas");
    }
    return new Decision(reasons.isEmpty(), type, reasons);
  }
}
