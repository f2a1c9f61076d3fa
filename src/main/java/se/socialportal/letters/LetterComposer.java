package se.socialportal.letters;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link DecisionLetter} for the decisions taken in one act on an application: the försörjningsstöd
 * decision and any decisions on needs (livsföring i övrigt, skulder, begravning). No address is ever put in a letter.
 */
public final class LetterComposer {

  /** One decision of the set, as the letter needs it. Lines: [{section, label, amount, note?}]. */
  public record Part(String type, String typeLabel, String outcome, BigDecimal amount, JsonArray lines,
                     String motivering, List<String> legalBasis, String delegation) {
  }

  /** Who decided: a person (name, title) on a delegation, possibly standing in for an absent delegate. */
  public record Decider(String name, String title) {
  }

  private LetterComposer() {
  }

  /** A letter for decisions a person took on their delegation. */
  public static DecisionLetter compose(JsonObject tenant, String recipientName, String caseReference, LocalDate date,
                                       YearMonth month, List<Part> parts, Decider decider) {
    return compose(tenant, recipientName, caseReference, date, month, parts,
      DecisionLetter.DecidedBy.person(decider.name(), decider.title(), delegations(parts)));
  }

  /** A letter for decisions the automated decision function took (KL 6 kap. 37 §), with the rule versions used. */
  public static DecisionLetter composeAutomated(JsonObject tenant, String recipientName, String caseReference,
                                                LocalDate date, YearMonth month, List<Part> parts,
                                                String ruleVersions) {
    return compose(tenant, recipientName, caseReference, date, month, parts,
      DecisionLetter.DecidedBy.automated(delegations(parts), ruleVersions));
  }

  private static String delegations(List<Part> parts) {
    return String.join("; ", parts.stream().map(Part::delegation).toList());
  }

  private static DecisionLetter compose(JsonObject tenant, String recipientName, String caseReference, LocalDate date,
                                        YearMonth month, List<Part> parts, DecisionLetter.DecidedBy decidedBy) {
    List<DecisionLetter.Line> lines = new ArrayList<>();
    List<String> motivering = new ArrayList<>();
    Set<String> legalBasis = new LinkedHashSet<>();
    BigDecimal granted = BigDecimal.ZERO;
    for (Part part : parts) {
      granted = granted.add(part.amount());
      for (int i = 0; i < part.lines().size(); i++) {
        JsonObject line = part.lines().getJsonObject(i);
        lines.add(new DecisionLetter.Line(section(line.getString("section")), line.getString("label"),
          new BigDecimal(line.getString("amount")), line.getString("note")));
      }
      String prefix = parts.size() > 1 ? part.typeLabel() + ": " : "";
      motivering.add(prefix + part.motivering());
      legalBasis.addAll(part.legalBasis());
    }
    DecisionLetter.Outcome outcome = outcome(parts);
    lines.add(new DecisionLetter.Line(DecisionLetter.Section.TOTAL, outcome == DecisionLetter.Outcome.ATERKRAV
      ? "Återkrävt belopp" : outcome == DecisionLetter.Outcome.EFTERGIFT ? "Eftergivet belopp" : "Beviljat belopp",
      granted, null));
    // The nämnd that decides and receives appeals (FL 33 §); each municipality names its own (tenant.namnd).
    String namnd = tenant.getString("namnd") == null ? "Socialnämnden" : tenant.getString("namnd");
    DecisionLetter.Sender sender = new DecisionLetter.Sender(tenant.getString("name"), namnd,
      text(tenant, "postal_address"), text(tenant, "contact_phone"),
      text(tenant, "contact_email"));
    DecisionLetter.Contact contact = new DecisionLetter.Contact("Ekonomiskt bistånd, " + tenant.getString("name"),
      text(tenant, "contact_phone"), text(tenant, "contact_email"));
    return new DecisionLetter(sender, recipientName, caseReference, date, month, outcome, granted, lines,
      motivering, List.copyOf(legalBasis),
      decidedBy, contact);
  }

  /** A tenant field the municipality may not have filled in: empty rather than "null" in a letter. */
  private static String text(JsonObject tenant, String key) {
    String value = tenant.getString(key);
    return value == null ? "" : value;
  }

  /**
   * Återkrav or eftergift by its type; otherwise bifall when every part is granted in full, avslag when nothing is,
   * and delvis bifall in between.
   */
  static DecisionLetter.Outcome outcome(List<Part> parts) {
    if (parts.stream().anyMatch(part -> part.type().equals("aterkrav"))) {
      return DecisionLetter.Outcome.ATERKRAV;
    }
    if (parts.stream().anyMatch(part -> part.type().equals("eftergift"))) {
      return DecisionLetter.Outcome.EFTERGIFT;
    }
    boolean allGranted = parts.stream().allMatch(part -> part.outcome().equals("bifall"));
    boolean noneGranted = parts.stream().allMatch(part -> part.outcome().equals("avslag"));
    return allGranted ? DecisionLetter.Outcome.BIFALL
      : noneGranted ? DecisionLetter.Outcome.AVSLAG : DecisionLetter.Outcome.DELVIS_BIFALL;
  }

  private static DecisionLetter.Section section(String code) {
    switch (code) {
      case "riksnorm":
        return DecisionLetter.Section.RIKSNORM;
      case "cost":
        return DecisionLetter.Section.COST;
      case "income":
        return DecisionLetter.Section.INCOME;
      default:
        return DecisionLetter.Section.NEED;
    }
  }
}
