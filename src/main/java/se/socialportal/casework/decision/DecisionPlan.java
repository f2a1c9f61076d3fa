package se.socialportal.casework.decision;

import io.vertx.core.json.JsonArray;
import se.socialportal.casework.calc.CalcLine;
import se.socialportal.casework.calc.Calculation;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.Lagrum;
import se.socialportal.rules.delegation.MotiveringTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * From a calculation (the proposal with the handläggare's adjustments) to the decisions an approval or a rejection
 * records. Pure: no database, no clock.
 */
public final class DecisionPlan {

  private DecisionPlan() {
  }

  /**
   * Approve: försörjningsstöd with the calculated amount, and each kind of need with what is granted of it.
   * A part that grants less than applied for needs the handläggare's motivering (FL 32 §).
   */
  public static List<DecisionPart> approve(Calculation calculation, String proposalOutcome, String proposalMotivering,
                                           List<String> proposalLegalBasis, String motivering) {
    List<DecisionPart> parts = new ArrayList<>();
    BigDecimal amount = calculation.forsorjningsstod();
    boolean reduced = "delvis_bifall".equals(proposalOutcome) || calculation.lines().stream()
      .anyMatch(line -> line.adjusted() && line.section() != CalcLine.Section.NEED
        && (line.section() == CalcLine.Section.INCOME
          ? line.amount().compareTo(line.originalAmount().orElseThrow()) > 0
          : line.amount().compareTo(line.originalAmount().orElseThrow()) < 0));
    String outcome = amount.signum() == 0 ? "avslag" : reduced ? "delvis_bifall" : "bifall";
    String text = motivering == null || motivering.isBlank() ? proposalMotivering : motivering.strip();
    if (!outcome.equals("bifall") && (motivering == null || motivering.isBlank()) && calculation.anyAdjusted()) {
      throw ApiException.invalid("motivering", "motivering_required");
    }
    parts.add(new DecisionPart(DecisionType.FORSORJNINGSSTOD, outcome, amount, amount, lines(calculation, null), text,
      proposalLegalBasis, outcome.equals("avslag") ? "avslag_normoverskott" : "bifall_norm"));
    for (Map.Entry<DecisionType, List<CalcLine>> need : calculation.needs().entrySet()) {
      BigDecimal applied = Calculation.applied(need.getValue());
      BigDecimal granted = Calculation.granted(need.getValue());
      String needOutcome = granted.signum() == 0 ? "avslag" : granted.compareTo(applied) >= 0 ? "bifall" : "delvis_bifall";
      if (!needOutcome.equals("bifall") && (motivering == null || motivering.isBlank())) {
        throw ApiException.invalid("motivering", "motivering_required");
      }
      parts.add(new DecisionPart(need.getKey(), needOutcome, granted, applied.max(granted),
        lines(calculation, need.getKey()), needOutcome.equals("bifall") ? "Du beviljas " + need.getKey().label()
          .toLowerCase(java.util.Locale.ROOT) + " som du ansökt om." : motivering.strip(),
        List.of(), needOutcome.equals("avslag") ? "avslag_behov" : "bifall_behov"));
    }
    return parts;
  }

  /**
   * Every part cites its decision type's lagrum (robots/lagrum.json) first, then whatever else its motivering rests on
   * (the proposal's or the template's rules), each citation once.
   */
  public static List<DecisionPart> cite(List<DecisionPart> parts, Lagrum lagrum) {
    List<DecisionPart> cited = new ArrayList<>();
    for (DecisionPart part : parts) {
      java.util.LinkedHashSet<String> basis = new java.util.LinkedHashSet<>(lagrum.cite(part.type()));
      basis.addAll(part.legalBasis());
      cited.add(new DecisionPart(part.type(), part.outcome(), part.amount(), part.delegationAmount(), part.lines(),
        part.motivering(), List.copyOf(basis), part.reasonCode()));
    }
    return cited;
  }

  /** Reject the whole application: försörjningsstöd and every need, with a completed template's motivering. */
  public static List<DecisionPart> reject(Calculation calculation, MotiveringTemplate template, String motivering) {
    String text = finished(motivering);
    List<DecisionPart> parts = new ArrayList<>();
    parts.add(new DecisionPart(DecisionType.FORSORJNINGSSTOD, "avslag", BigDecimal.ZERO, BigDecimal.ZERO,
      lines(calculation, null), text, template.legalBasis(), template.reasonCode()));
    for (Map.Entry<DecisionType, List<CalcLine>> need : calculation.needs().entrySet()) {
      BigDecimal applied = Calculation.applied(need.getValue());
      parts.add(new DecisionPart(need.getKey(), "avslag", BigDecimal.ZERO, applied, lines(calculation, need.getKey()),
        text, template.legalBasis(), template.reasonCode()));
    }
    return parts;
  }

  /** Close the investigation without action (needs a gruppledare in Flen). */
  public static List<DecisionPart> closeWithoutAction(MotiveringTemplate template, String motivering) {
    return List.of(new DecisionPart(DecisionType.AVSLUT_UTAN_ATGARD, "avslutad", BigDecimal.ZERO, BigDecimal.ZERO,
      new JsonArray(), finished(motivering), template.legalBasis(), template.reasonCode()));
  }

  /** A motivering must be written out: present, and no [placeholder] of a template left in it. */
  static String finished(String motivering) {
    if (motivering == null || motivering.isBlank()) {
      throw ApiException.invalid("motivering", "motivering_required");
    }
    if (MotiveringTemplate.hasPlaceholder(motivering)) {
      throw ApiException.invalid("motivering", "motivering_placeholder");
    }
    if (motivering.length() > 8000) {
      throw ApiException.invalid("motivering", "too_long", 8000);
    }
    return motivering.strip();
  }

  /** The lines of one part: the norm calculation for försörjningsstöd (type null), or the need lines of a type. */
  static JsonArray lines(Calculation calculation, DecisionType needType) {
    JsonArray array = new JsonArray();
    for (CalcLine line : calculation.lines()) {
      boolean belongs = needType == null ? line.decisionType().isEmpty() : line.decisionType().filter(needType::equals).isPresent();
      if (belongs) {
        array.add(line.toJson());
      }
    }
    return array;
  }
}
