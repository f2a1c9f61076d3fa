package se.socialportal.robot;

import io.vertx.core.json.JsonObject;
import se.socialportal.rules.RobotMotivering;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The proposal's motivering (FL 32 §: which regulations were applied and which circumstances were decisive), in
 * Swedish, written to stand in the decision letter as it is. The handläggare can edit it before deciding. The words
 * are robots/robot-motivering.json's; this class decides which parts apply and fills them in.
 */
public final class Motivering {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", new Locale("sv", "SE"));

  /** @param legalBasis the regulations, also stored as beslutsforslag.legal_basis */
  public record Text(String text, List<String> legalBasis) {
    public Text {
      legalBasis = List.copyOf(legalBasis);
    }
  }

  private Motivering() {
  }

  public static Text write(RobotMotivering wording, YearMonth month, Content content, Calculation calculation) {
    String monthText = MONTH.format(month);
    String sol = wording.text(RobotMotivering.Text.SOL, Map.of());
    String sof = wording.text(RobotMotivering.Text.SOF, Map.of());
    List<String> basis = new ArrayList<>(List.of(sol, sof));
    StringBuilder moreRules = new StringBuilder();
    if (!calculation.jobbstimulans().isEmpty()) {
      String jobbstimulans = wording.text(RobotMotivering.Text.JOBBSTIMULANS, Map.of());
      basis.add(jobbstimulans);
      moreRules.append(wording.text(RobotMotivering.Text.RULES_JOBBSTIMULANS, Map.of("jobbstimulans", jobbstimulans)));
    }
    if (!calculation.capped().isEmpty()) {
      String caps = wording.text(RobotMotivering.Text.CAPS,
        Map.of("capsVersion", calculation.ruleVersions().getOrDefault("caps", "")));
      basis.add(caps);
      moreRules.append(wording.text(RobotMotivering.Text.RULES_CAPS, Map.of("caps", caps)));
    }
    String rules = wording.text(RobotMotivering.Text.RULES, Map.of("sol", sol, "sof", sof,
      "riksnormVersion", calculation.ruleVersions().getOrDefault("riksnorm", ""), "moreRules", moreRules.toString()));

    StringBuilder facts = new StringBuilder(wording.text(RobotMotivering.Text.FACTS, Map.of(
      "household", household(wording.household(), content), "riksnorm", Kronor.format(calculation.riksnorm()),
      "costs", Kronor.format(calculation.costs()),
      "need", Kronor.format(calculation.riksnorm().add(calculation.costs())),
      "incomes", Kronor.format(calculation.incomes()))));
    for (String role : calculation.jobbstimulans()) {
      facts.append(' ').append(wording.text(RobotMotivering.Text.FACT_JOBBSTIMULANS,
        Map.of("person", Labels.person(role))));
    }
    for (Calculation.CappedCost cost : calculation.capped()) {
      facts.append(' ').append(wording.text(RobotMotivering.Text.FACT_CAPPED, Map.of(
        "cost", CaseWarnings.capitalized(Labels.cost(cost.costType())), "claimed", Kronor.format(cost.claimed()),
        "allowed", Kronor.format(cost.allowed()))));
    }

    String opening;
    if ("avslag".equals(calculation.outcome())) {
      opening = wording.text(RobotMotivering.Text.OPENING_AVSLAG, Map.of("month", monthText));
      facts.append(' ').append(wording.text(RobotMotivering.Text.FACT_AVSLAG,
        Map.of("normoverskott", Kronor.format(calculation.normoverskott()))));
    } else {
      String amount = Kronor.format(calculation.amount());
      opening = wording.text(RobotMotivering.Text.OPENING_BIFALL, Map.of("month", monthText, "amount", amount));
      facts.append(' ').append(wording.text(RobotMotivering.Text.FACT_BIFALL, Map.of("amount", amount)));
    }
    return new Text(opening + "\n\n" + rules + "\n\n" + facts, basis);
  }

  /** "en vuxen och två barn" — who the riksnorm was computed for (placed children are not in the household). */
  static String household(RobotMotivering.Household words, Content content) {
    int adults = content.coApplicant().isPresent() ? 2 : 1;
    int children = 0;
    int partTime = 0;
    for (Object item : content.children()) {
      String living = ((JsonObject) item).getString("livesHere");
      if ("full".equals(living)) {
        children++;
      } else if ("partTime".equals(living)) {
        partTime++;
      }
    }
    StringBuilder text = new StringBuilder(words.count(adults, words.adult()));
    if (children > 0) {
      text.append(partTime > 0 ? words.separator() : words.and()).append(words.count(children, words.child()));
    }
    if (partTime > 0) {
      text.append(words.and()).append(RobotMotivering.fill(words.partTime(),
        Map.of("children", words.count(partTime, words.child()))));
    }
    if (!content.otherAdults().isEmpty()) {
      text.append(RobotMotivering.fill(words.others(),
        Map.of("others", words.count(content.otherAdults().size(), words.otherAdult()))));
    }
    return text.toString();
  }
}
