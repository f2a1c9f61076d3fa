package se.socialportal.provrakning;

import se.socialportal.rules.Formats;

import se.socialportal.rules.LineTexts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.Line;
import se.socialportal.norm.NoteCode;
import se.socialportal.norm.NormResult;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Outcome;
import se.socialportal.norm.RuleVersions;
import se.socialportal.platform.http.Messages;

import java.math.BigDecimal;
import java.util.Locale;

/** The provräkning answer: totals, outcome, rule versions, and every line with its label and reasons. */
final class ResultJson {

  private ResultJson() {
  }

  static JsonObject of(String tenant, ProvrakningRequest request, NormResult result, NormRules rules, String language) {
    LineTexts texts = new LineTexts(language, request.roles(), rules.incomes());
    JsonArray lines = new JsonArray();
    for (Line line : result.lines()) {
      lines.add(line(line, texts));
    }
    RuleVersions versions = result.ruleVersions();
    return new JsonObject()
      .put("month", result.month().toString())
      .put("tenant", tenant)
      .put("riksnormTotal", Formats.json(result.riksnormTotal()))
      .put("costsTotal", Formats.json(result.costsTotal()))
      .put("needTotal", Formats.json(result.need()))
      .put("incomesTotal", Formats.json(result.incomesTotal()))
      .put("exactAmount", Formats.json(result.exactResult()))
      .put("amount", Formats.json(result.amount()))
      .put("normoverskott", Formats.json(result.normoverskott()))
      .put("outcome", result.outcome() == Outcome.BIFALL ? "bifall" : "avslag")
      .put("householdSize", result.householdSize())
      .put("dwellingSize", result.dwellingSize())
      .put("ruleVersions", new JsonObject()
        .put("riksnorm", versions.riksnorm())
        .put("prisbasbelopp", versions.prisbasbelopp())
        .put("caps", versions.caps())
        .put("incomeClassification", versions.incomeClassification()))
      .put("lines", lines)
      .put("disclaimer", Messages.text(language, "provrakning.disclaimer"));
  }

  private static JsonObject line(Line line, LineTexts texts) {
    JsonArray flags = new JsonArray();
    if (line.has(NoteCode.CAPPED)) {
      flags.add("capped");
    }
    if (line.has(NoteCode.INCOME_NEEDS_REVIEW)) {
      flags.add("needsReview");
    }
    JsonObject json = new JsonObject()
      .put("kind", line.section().name().toLowerCase(Locale.ROOT))
      .put("code", line.code().key())
      .put("label", texts.label(line))
      .put("amount", Formats.json(line.amount()))
      .put("note", texts.note(line))
      .put("persons", new JsonArray(line.persons().stream().map(Object.class::cast).toList()))
      .put("flags", flags);
    if (line.subject() != null) {
      json.put("subject", line.subject());
    }
    BigDecimal entered = line.entered();
    if (entered != null) {
      json.put("entered", Formats.json(entered));
    }
    return json;
  }
}
