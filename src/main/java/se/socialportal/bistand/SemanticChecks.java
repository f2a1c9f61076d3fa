package se.socialportal.bistand;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.platform.http.ApiException.FieldProblem;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;

import static se.socialportal.bistand.ApplicationValidator.array;
import static se.socialportal.bistand.ApplicationValidator.object;

/**
 * The rules of an application a JSON Schema cannot express. Runs on whatever is there (a draft may be incomplete) and
 * adds at most one problem per field.
 */
final class SemanticChecks {

  /** A child who has turned 21 is an adult of their own (SoL: parents' duty of support ends at 21 at the latest). */
  static final int CHILD_AGE_LIMIT = 21;

  private final JsonObject content;
  private final ApplicationValidator.Mode mode;
  private final ApplicationValidator.Context context;
  private final Map<String, FieldProblem> problems;

  SemanticChecks(JsonObject content, ApplicationValidator.Mode mode, ApplicationValidator.Context context,
                 Map<String, FieldProblem> problems) {
    this.content = content;
    this.mode = mode;
    this.context = context;
    this.problems = problems;
  }

  void run() {
    JsonObject household = object(content, "household");
    JsonObject applicant = object(household, "applicant");
    date(applicant, "household.applicant.birthDate");
    coApplicant(household);
    children(household);
    JsonArray adults = array(household, "otherAdults");
    for (int i = 0; i < adults.size(); i++) {
      if (adults.getValue(i) instanceof JsonObject) {
        date(adults.getJsonObject(i), "household.otherAdults[" + i + "].birthDate");
      }
    }
    personRefs(household, "incomes", "person");
    personRefs(household, "assets", "owner");
    JsonArray needs = array(content, "needs");
    for (int i = 0; i < needs.size(); i++) {
      Object need = needs.getValue(i);
      if (need instanceof JsonObject && ((JsonObject) need).getValue("amount") instanceof Number
        && ((JsonObject) need).getDouble("amount") <= 0) {
        add("needs[" + i + "].amount", "amount_zero");
      }
    }
  }

  private void coApplicant(JsonObject household) {
    Object value = household == null ? null : household.getValue("coApplicant");
    boolean stated = value instanceof JsonObject;
    if (stated) {
      date((JsonObject) value, "household.coApplicant.birthDate");
    }
    if (mode != ApplicationValidator.Mode.FULL) {
      return;
    }
    if (stated && !context.coApplicantNamed()) {
      add("coApplicant.personnummer", "co_applicant_personnummer_required");
    } else if (!stated && context.coApplicantNamed()) {
      add("household.coApplicant.relation", "required");
    }
  }

  private void children(JsonObject household) {
    JsonArray children = array(household, "children");
    int daysInMonth = context.month().lengthOfMonth();
    for (int i = 0; i < children.size(); i++) {
      if (!(children.getValue(i) instanceof JsonObject)) {
        continue;
      }
      JsonObject child = children.getJsonObject(i);
      String base = "household.children[" + i + "]";
      date(child, base + ".birthDate").ifPresent(birth -> {
        if (Period.between(birth, context.month().atDay(1)).getYears() >= CHILD_AGE_LIMIT) {
          add(base + ".birthDate", "child_too_old");
        }
      });
      Object livesHere = child.getValue("livesHere");
      Object days = child.getValue("daysPerMonth");
      if ("partTime".equals(livesHere)) {
        if (days == null) {
          add(base + ".daysPerMonth", "days_per_month_required");
        } else if (days instanceof Number && ((Number) days).intValue() > daysInMonth) {
          add(base + ".daysPerMonth", "days_per_month");
        }
      } else if (days != null && livesHere != null) {
        add(base + ".daysPerMonth", "days_per_month_only_part_time");
      }
    }
  }

  /** Incomes and assets name people by role; the person must be in the household as stated. */
  private void personRefs(JsonObject household, String list, String key) {
    JsonArray items = array(content, list);
    boolean hasCoApplicant = household != null && household.getValue("coApplicant") instanceof JsonObject;
    int children = array(household, "children").size();
    int adults = array(household, "otherAdults").size();
    for (int i = 0; i < items.size(); i++) {
      if (!(items.getValue(i) instanceof JsonObject)) {
        continue;
      }
      Object ref = items.getJsonObject(i).getValue(key);
      if (!(ref instanceof String)) {
        continue;
      }
      String person = (String) ref;
      boolean exists = person.equals("applicant")
        || (person.equals("coApplicant") && hasCoApplicant)
        || (person.matches("child:[0-9]{1,2}") && Integer.parseInt(person.substring(6)) < children)
        || (person.matches("otherAdult:[0-9]{1,2}") && Integer.parseInt(person.substring(11)) < adults);
      if (!exists && person.matches("applicant|coApplicant|child:[0-9]{1,2}|otherAdult:[0-9]{1,2}")) {
        add(list + "[" + i + "]." + key, "person_unknown");
      }
    }
  }

  /** A real date, not in the future; reports and returns empty when it is not. */
  private Optional<LocalDate> date(JsonObject parent, String field) {
    Object value = parent == null ? null : parent.getValue(field.substring(field.lastIndexOf('.') + 1));
    if (!(value instanceof String) || !((String) value).matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse((String) value);
    } catch (DateTimeException e) {
      add(field, "date_invalid");
      return Optional.empty();
    }
    if (date.isAfter(context.today())) {
      add(field, "date_in_future");
      return Optional.empty();
    }
    if (date.getYear() < 1900) {
      add(field, "date_invalid");
      return Optional.empty();
    }
    return Optional.of(date);
  }

  private void add(String field, String code) {
    problems.putIfAbsent(field, new FieldProblem(field, code));
  }
}
