package se.socialportal.robot;

import io.vertx.core.json.JsonObject;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proposal's motivering (FL 32 §: which regulations were applied and which circumstances were decisive), in
 * Swedish, written to stand in the decision letter as it is. The handläggare can edit it before deciding.
 */
public final class Motivering {

  static final String SOL = "12 kap. 1 § socialtjänstlagen (2025:400)";
  static final String SOF = "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)";
  static final String JOBBSTIMULANS = "prop. 2012/13:94 (jobbstimulans)";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", new Locale("sv", "SE"));

  /** @param legalBasis the regulations, also stored as beslutsforslag.legal_basis */
  public record Text(String text, List<String> legalBasis) {
    public Text {
      legalBasis = List.copyOf(legalBasis);
    }
  }

  private Motivering() {
  }

  public static Text write(YearMonth month, Content content, Calculation calculation) {
    String monthText = MONTH.format(month);
    List<String> basis = new ArrayList<>(List.of(SOL, SOF));
    String riksnorm = calculation.ruleVersions().getOrDefault("riksnorm", "");
    StringBuilder rules = new StringBuilder("Bestämmelser som har tillämpats: " + SOL + " om rätt till försörjningsstöd "
      + "och " + SOF + " om riksnormens belopp (" + riksnorm + ")");
    if (!calculation.jobbstimulans().isEmpty()) {
      basis.add(JOBBSTIMULANS);
      rules.append("; reglerna om jobbstimulans, ").append(JOBBSTIMULANS);
    }
    if (!calculation.capped().isEmpty()) {
      String caps = "kommunens riktlinjer för skäliga kostnader (" + calculation.ruleVersions().getOrDefault("caps", "")
        + ")";
      basis.add(caps);
      rules.append("; ").append(caps);
    }
    rules.append('.');

    StringBuilder facts = new StringBuilder("Omständigheter som har varit avgörande: Hushållet består av ")
      .append(household(content)).append(". Riksnormen för hushållet är ").append(Kronor.format(calculation.riksnorm()))
      .append(" och de skäliga kostnaderna är ").append(Kronor.format(calculation.costs())).append(", tillsammans ")
      .append(Kronor.format(calculation.riksnorm().add(calculation.costs()))).append(". Hushållets inkomster som "
        + "räknas är ").append(Kronor.format(calculation.incomes())).append('.');
    for (String role : calculation.jobbstimulans()) {
      facts.append(" En fjärdedel av lönen för ").append(Labels.person(role)).append(" räknas inte som inkomst, "
        + "eftersom hen har haft försörjningsstöd i sex månader i följd (jobbstimulans).");
    }
    for (Calculation.CappedCost cost : calculation.capped()) {
      facts.append(' ').append(CaseWarnings.capitalized(Labels.cost(cost.costType()))).append(' ')
        .append(Kronor.format(cost.claimed())).append(" är högre än vad som är skäligt för ett hushåll av er storlek "
          + "i kommunen. Vi har räknat med ").append(Kronor.format(cost.allowed())).append(", och ansökan avslås i den "
          + "delen.");
    }

    String opening;
    if ("avslag".equals(calculation.outcome())) {
      opening = "Du har inte rätt till försörjningsstöd för " + monthText + ".";
      facts.append(" Inkomsterna är högre än riksnormen och de skäliga kostnaderna tillsammans (normöverskott ")
        .append(Kronor.format(calculation.normoverskott())).append("). Behovet kan därför tillgodoses på annat sätt.");
    } else {
      opening = "Du beviljas försörjningsstöd för " + monthText + " med " + Kronor.format(calculation.amount()) + ".";
      facts.append(" Inkomsterna räcker inte till behovet, och det som fattas är ")
        .append(Kronor.format(calculation.amount())).append('.');
    }
    return new Text(opening + "\n\n" + rules + "\n\n" + facts, basis);
  }

  /** "en vuxen och två barn" — who the riksnorm was computed for (placed children are not in the household). */
  static String household(Content content) {
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
    StringBuilder text = new StringBuilder(count(adults, "vuxen", "vuxna"));
    if (children > 0) {
      text.append(partTime > 0 ? ", " : " och ").append(count(children, "barn", "barn"));
    }
    if (partTime > 0) {
      text.append(" och ").append(count(partTime, "barn", "barn")).append(" som bor här en del av månaden (umgänge)");
    }
    if (!content.otherAdults().isEmpty()) {
      text.append("; i bostaden bor också ").append(count(content.otherAdults().size(), "annan vuxen", "andra vuxna"))
        .append(" som inte ingår i hushållet");
    }
    return text.toString();
  }

  private static String count(int n, String one, String many) {
    String[] words = {"noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"};
    String number = n < words.length ? words[n] : String.valueOf(n);
    if (n == 1 && one.equals("barn")) {
      number = "ett";
    }
    return number + " " + (n == 1 ? one : many);
  }
}
