package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.HouseholdRole;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.InputProblem;
import se.socialportal.norm.Line;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormResult;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Note;
import se.socialportal.norm.NoteCode;
import se.socialportal.norm.Outcome;
import se.socialportal.norm.RuleVersions;
import se.socialportal.rules.LineTexts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calculation (SoF 12 kap. 2–3 §§, 12 kap. 1 § SoL): the norm engine, called directly — it is pure and takes
 * microseconds. Content the engine refuses is a PermanentFailure: the job goes to a person at once.
 */
final class CalculationStep implements Step {

  @Override
  public String name() {
    return "calculation";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile.Application application = state.file().application();
    NormRules normRules = state.rules().norm();
    ApplicationToNormInput.Mapped mapped = ApplicationToNormInput.map(state.file(), normRules.incomes());
    List<InputProblem> problems = NormEngine.problems(mapped.input(), normRules);
    if (!problems.isEmpty()) {
      throw new PermanentFailure("Beräkningen kan inte göras på ansökans uppgifter: " + problems);
    }
    NormResult result = NormEngine.calculate(mapped.input(), normRules);
    state.calculation = calculation(result, mapped, normRules.incomes(),
      new Content(application.content()).needs());
    Calculation calculation = state.calculation;
    JsonObject input = new JsonObject().put("persons", mapped.personRefs().size())
      .put("costs", mapped.input().costs().size()).put("incomes", mapped.input().incomes().size())
      .put("jobbstimulans", new JsonArray(List.copyOf(mapped.jobbstimulans())))
      .put("ruleVersions", new JsonObject(new LinkedHashMap<String, Object>(calculation.ruleVersions())));
    JsonObject output = new JsonObject().put("outcome", calculation.outcome())
      .put("amount", calculation.amount().toPlainString()).put("riksnorm", calculation.riksnorm().toPlainString())
      .put("costs", calculation.costs().toPlainString()).put("incomes", calculation.incomes().toPlainString())
      .put("capped", calculation.capped().size()).put("incomesNeedingReview", calculation.needsReview().size());
    return Future.succeededFuture(StepResult.flagged(input, output,
      !calculation.capped().isEmpty() || !calculation.needsReview().isEmpty()));
  }

  static Calculation calculation(NormResult result, ApplicationToNormInput.Mapped mapped,
                                 IncomeClassification incomes, JsonArray needs) {
    List<Calculation.CappedCost> capped = new ArrayList<>();
    for (Line line : result.cappedCosts()) {
      capped.add(new Calculation.CappedCost(line.subject(), line.entered(), line.amount()));
    }
    List<Calculation.ReviewIncome> review = new ArrayList<>();
    for (Line line : result.incomesNeedingReview()) {
      String person = line.persons().isEmpty() ? "applicant" : mapped.personRefs().get(line.persons().get(0));
      review.add(new Calculation.ReviewIncome(person, line.subject(), line.entered()));
    }
    String outcome = result.outcome() == Outcome.AVSLAG ? "avslag" : capped.isEmpty() ? "bifall" : "delvis_bifall";
    RuleVersions versions = result.ruleVersions();
    Map<String, String> ruleVersions = new LinkedHashMap<>();
    ruleVersions.put("riksnorm", versions.riksnorm());
    ruleVersions.put("prisbasbelopp", versions.prisbasbelopp());
    ruleVersions.put("caps", versions.caps());
    ruleVersions.put("incomeClassification", versions.incomeClassification());
    // Only adults whose jobbstimulans actually reduced counted income are named in the motivering.
    List<String> stimulus = new ArrayList<>();
    for (Line line : result.lines()) {
      if (line.has(NoteCode.JOBBSTIMULANS)) {
        line.persons().forEach(person -> {
          String ref = mapped.personRefs().get(person);
          if (!stimulus.contains(ref)) {
            stimulus.add(ref);
          }
        });
      }
    }
    return new Calculation(outcome, result.amount(), result.riksnormTotal(), result.costsTotal(),
      result.incomesTotal(), result.normoverskott(), json(result, mapped, incomes, needs), ruleVersions, capped, review, stimulus);
  }

  /**
   * Every line with its codes and arguments, and the Swedish label and explanation a handläggare and the decision
   * letter show (the codes let another language be rendered later); persons as the content's references; the totals;
   * and the engine's input, so an adjusted line is recomputed by the same engine with the same rule versions.
   */
  static JsonObject json(NormResult result, ApplicationToNormInput.Mapped mapped, IncomeClassification incomes,
                         JsonArray needs) {
    LineTexts texts = new LineTexts("sv", HouseholdRole.codes(mapped.input()), incomes);
    JsonArray lines = new JsonArray();
    java.util.Map<String, Integer> keys = new java.util.HashMap<>();
    for (Line line : result.lines()) {
      int seen = keys.merge(line.key(), 1, Integer::sum);
      JsonArray notes = new JsonArray();
      for (Note note : line.notes()) {
        notes.add(new JsonObject().put("code", note.code().key()).put("args", args(note.args())));
      }
      lines.add(new JsonObject().put("section", line.section().name().toLowerCase(Locale.ROOT))
        .put("key", seen == 1 ? line.key() : line.key() + "-" + seen)
        .put("code", line.code().key())
        .put("persons", new JsonArray(line.persons().stream().map(i -> (Object) mapped.personRefs().get(i)).toList()))
        .put("subject", line.subject()).put("args", args(line.args()))
        .put("entered", line.entered() == null ? null : line.entered().toPlainString())
        .put("amount", line.amount().toPlainString()).put("notes", notes)
        .put("label", texts.label(line)).put("note", texts.note(line)));
    }
    // Livsföring i övrigt is not part of försörjningsstöd's norm: each need is its own decision (with its own
    // delegation tier by amount), so it travels as a line of its own that the handläggare grants or refuses.
    for (int i = 0; i < needs.size(); i++) {
      JsonObject need = needs.getJsonObject(i);
      String amount = Kronor.of(need.getValue("amount")).toPlainString();
      lines.add(new JsonObject().put("section", "need").put("key", "need:" + i).put("code", "need").put("subject", need.getString("type"))
        .put("persons", new JsonArray()).put("args", new JsonArray()).put("entered", amount).put("amount", amount)
        .put("notes", new JsonArray()).put("decisionType", "livsforing_ovrigt")
        .put("label", capitalised(Labels.need(need.getString("type"))))
        .put("note", need.getString("description", "")));
    }
    return new JsonObject().put("month", result.month().toString())
      .put("riksnormTotal", result.riksnormTotal().toPlainString())
      .put("costsTotal", result.costsTotal().toPlainString()).put("needTotal", result.need().toPlainString())
      .put("incomesTotal", result.incomesTotal().toPlainString())
      .put("exactResult", result.exactResult().toPlainString()).put("amount", result.amount().toPlainString())
      .put("normoverskott", result.normoverskott().toPlainString())
      .put("householdSize", result.householdSize()).put("dwellingSize", result.dwellingSize())
      .put("persons", new JsonArray(List.copyOf(mapped.personRefs()))).put("lines", lines)
      .put("input", NormInputJson.write(mapped.input()));
  }

  /** Labels.need gives the word as it reads mid-sentence; a line label starts with a capital. */
  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static JsonArray args(List<Object> args) {
    JsonArray json = new JsonArray();
    for (Object arg : args) {
      json.add(arg instanceof BigDecimal ? ((BigDecimal) arg).toPlainString()
        : arg instanceof Integer || arg instanceof Long || arg == null ? arg : arg.toString());
    }
    return json;
  }
}
