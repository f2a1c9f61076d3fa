package se.socialportal.letters;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the {@link DecisionLetter} for a set of decisions on an application: the month's försörjningsstöd and each
 * need beside it (livsföring i övrigt, skulder, begravning), or an återkrav, an eftergift, a closed investigation —
 * each part told separately with its own outcome, amount, motivering, lagrum and decider. No address is ever put in a
 * letter.
 */
public final class LetterComposer {

  /**
   * One decision of the set, as the letter needs it. {@code type} and {@code outcome} are the decision table's codes;
   * lines: [{section, label, amount, note?}].
   */
  public record Part(String type, String typeLabel, String outcome, BigDecimal amount, BigDecimal applied,
                     JsonArray lines, String motivering, List<String> legalBasis, DecisionLetter.DecidedBy decidedBy) {
  }

  private LetterComposer() {
  }

  /**
   * @param channel the application's intake channel (digital, paper, assisted): only a digital applicant is pointed to
   *                Mina sidor
   */
  public static DecisionLetter compose(JsonObject tenant, String recipientName, String caseReference, LocalDate date,
                                       YearMonth month, String channel, List<Part> parts) {
    List<DecisionLetter.Part> letterParts = new ArrayList<>();
    List<Part> ordered = new ArrayList<>(parts);
    // The month first, then the needs, as the application lists them.
    ordered.sort(Comparator.comparingInt(part -> kind(part.type()).ordinal()));
    for (Part part : ordered) {
      List<DecisionLetter.Line> lines = new ArrayList<>();
      for (int i = 0; i < part.lines().size(); i++) {
        JsonObject line = part.lines().getJsonObject(i);
        lines.add(new DecisionLetter.Line(section(line.getString("section")), line.getString("label"),
          new BigDecimal(String.valueOf(line.getValue("amount"))), line.getString("note")));
      }
      letterParts.add(new DecisionLetter.Part(kind(part.type()), part.typeLabel(), outcome(part.outcome(), part.type()),
        part.amount(), part.applied(), lines, part.motivering(), part.legalBasis(), part.decidedBy()));
    }
    // The nämnd that decides and receives appeals (FL 33 §); each municipality names its own (tenant.namnd).
    String namnd = tenant.getString("namnd") == null ? "Socialnämnden" : tenant.getString("namnd");
    DecisionLetter.Sender sender = new DecisionLetter.Sender(tenant.getString("name"), namnd,
      text(tenant, "postal_address"), text(tenant, "contact_phone"), text(tenant, "contact_email"));
    DecisionLetter.Contact contact = new DecisionLetter.Contact("Ekonomiskt bistånd, " + tenant.getString("name"),
      text(tenant, "contact_phone"), text(tenant, "contact_email"));
    return new DecisionLetter(sender, recipientName, caseReference, date, month, "digital".equals(channel),
      letterParts, contact);
  }

  /** A tenant field the municipality may not have filled in: empty rather than "null" in a letter. */
  private static String text(JsonObject tenant, String key) {
    String value = tenant.getString(key);
    return value == null ? "" : value;
  }

  static DecisionLetter.Kind kind(String type) {
    return switch (type) {
      case "forsorjningsstod" -> DecisionLetter.Kind.MONTH;
      case "avslut_utan_atgard" -> DecisionLetter.Kind.CLOSE;
      case "aterkrav" -> DecisionLetter.Kind.ATERKRAV;
      case "eftergift" -> DecisionLetter.Kind.EFTERGIFT;
      default -> DecisionLetter.Kind.NEED;
    };
  }

  static DecisionLetter.Outcome outcome(String outcome, String type) {
    return switch (outcome) {
      case "bifall" -> DecisionLetter.Outcome.BIFALL;
      case "delvis_bifall" -> DecisionLetter.Outcome.DELVIS_BIFALL;
      case "avslag" -> DecisionLetter.Outcome.AVSLAG;
      case "avslutad" -> DecisionLetter.Outcome.AVSLUTAD;
      default -> "eftergift".equals(type) ? DecisionLetter.Outcome.EFTERGIFT : DecisionLetter.Outcome.ATERKRAV;
    };
  }

  private static DecisionLetter.Section section(String code) {
    return switch (code) {
      case "riksnorm" -> DecisionLetter.Section.RIKSNORM;
      case "cost" -> DecisionLetter.Section.COST;
      case "income" -> DecisionLetter.Section.INCOME;
      default -> DecisionLetter.Section.NEED;
    };
  }
}
