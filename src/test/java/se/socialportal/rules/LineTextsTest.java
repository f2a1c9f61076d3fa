package se.socialportal.rules;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.norm.CostType;
import se.socialportal.norm.LineCode;
import se.socialportal.norm.NoteCode;
import se.socialportal.platform.http.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code the engine and the API can produce has its words in both languages. */
@DisplayName("Texts for every line, note, cost type, role and field code, in Swedish and English")
class LineTextsTest {

  /** Every field code the engine, the request reader and the schema translation use (also listed in openapi.yaml). */
  static final List<String> FIELD_CODES = List.of("required", "unknown_field", "wrong_type", "unknown_value",
    "invalid_value", "unknown_role", "invalid_month", "invalid_date", "unknown_income_type", "negative",
    "too_many_decimals", "too_small", "too_large", "too_many", "unknown_person", "applicant_required", "one_applicant",
    "one_sambo", "born_after_month", "not_adult", "not_child", "only_for_children", "placed_with_umgange",
    "umgange_days_exceed_month", "person_required", "jobbstimulans_adults_only", "jobbstimulans_employment_only",
    "unknown_tenant", "no_rules_for_month");

  @Test
  void everyKeyInBothLanguages() {
    List<String> keys = new ArrayList<>();
    for (NoteCode code : NoteCode.values()) {
      keys.add("norm.note." + code.key());
    }
    for (LineCode code : LineCode.values()) {
      if (code != LineCode.COST) {
        keys.add("norm.line." + code.key());
      }
    }
    for (CostType type : CostType.values()) {
      keys.add("norm.cost." + type.jsonName());
    }
    for (String role : List.of("applicant", "sambo", "child", "otherAdult", "otherChild")) {
      keys.add("norm.person." + role);
    }
    FIELD_CODES.forEach(code -> keys.add("field." + code));
    keys.add("provrakning.disclaimer");
    keys.add("error.json_object_expected");
    Properties sv = Messages.bundle("sv");
    Properties en = Messages.bundle("en");
    for (String key : keys) {
      assertTrue(sv.containsKey(key), "sv lacks " + key);
      assertTrue(en.containsKey(key), "en lacks " + key);
    }
    assertEquals(sv.keySet(), en.keySet(), "both bundles have the same keys");
  }

  @Test
  @DisplayName("MessageFormat texts render (an unescaped apostrophe would swallow the arguments)")
  void rendersArguments() {
    assertEquals("A child's own work income is not counted up to one prisbasbelopp (58,800 kr) a year. "
      + "Earlier this year: 0 kr. Not counted now: 3,000 kr.",
      Messages.text("en", "norm.note.child_work_income", "3,000", "58,800", "0"));
    assertEquals("Hushållsgemensamma kostnader, 1 person", Messages.text("sv", "norm.line.common", 1));
    assertEquals("Common household costs, 8 persons", Messages.text("en", "norm.line.common", 8));
  }
}
