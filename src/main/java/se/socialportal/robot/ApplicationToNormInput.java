package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdMember;
import se.socialportal.norm.Income;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.Jobbstimulans;
import se.socialportal.norm.NormInput;
import se.socialportal.norm.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The application's content as the norm engine's input. Persons in this order: applicant, co-applicant (the sambo:
 * make, maka and registrerad partner are treated alike, SOSFS 2013:1), children, other adults; every income names
 * its person by that index. Besides the content it needs the household's history:
 * <ul>
 *   <li>jobbstimulans per adult from the months they received försörjningsstöd (Jobbstimulans.stateIn; until
 *       casework's decisions exist, an earlier month counts when its application's proposal was bifall);</li>
 *   <li>each child's own work income earlier this calendar year (income types the classification marks as
 *       employment), for the one-prisbasbelopp allowance; the child is recognised by first name and birth date.</li>
 * </ul>
 */
public final class ApplicationToNormInput {

  /**
   * @param personRefs    index in the input → the content's person reference ("applicant", "child:0", ...)
   * @param jobbstimulans the adults ("applicant", "coApplicant") for whom jobbstimulans applies this month
   */
  public record Mapped(NormInput input, List<String> personRefs, List<String> jobbstimulans) {
  }

  private ApplicationToNormInput() {
  }

  public static Mapped map(CaseFile file, IncomeClassification classification) {
    CaseFile.Application application = file.application();
    YearMonth month = application.month();
    Content content = new Content(application.content());
    List<HouseholdMember> persons = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    List<String> jobbstimulans = new ArrayList<>();

    JsonObject applicant = Content.object(content.household(), "applicant");
    boolean applicantStimulus = stimulus(file, application.applicantId(), classification);
    persons.add(new HouseholdMember(Role.APPLICANT, date(applicant.getString("birthDate")), false,
      applicant.getBoolean("lunchOutsideHome", false), null, applicantStimulus, null));
    add(refs, index, "applicant", applicantStimulus, jobbstimulans);
    Optional<JsonObject> co = content.coApplicant();
    if (co.isPresent()) {
      boolean coStimulus = application.coApplicantId().map(id -> stimulus(file, id, classification)).orElse(false);
      persons.add(new HouseholdMember(Role.SAMBO, date(co.get().getString("birthDate")), false,
        co.get().getBoolean("lunchOutsideHome", false), null, coStimulus, null));
      add(refs, index, "coApplicant", coStimulus, jobbstimulans);
    }
    JsonArray children = content.children();
    for (int i = 0; i < children.size(); i++) {
      JsonObject child = children.getJsonObject(i);
      String living = child.getString("livesHere");
      Integer days = "partTime".equals(living) ? child.getInteger("daysPerMonth") : null;
      persons.add(new HouseholdMember(Role.CHILD, date(child.getString("birthDate")), "placed".equals(living),
        child.getBoolean("lunchOutsideHome", false), days, false,
        workIncomeEarlierThisYear(file, content.personKey("child:" + i), classification)));
      add(refs, index, "child:" + i, false, jobbstimulans);
    }
    JsonArray others = content.otherAdults();
    for (int i = 0; i < others.size(); i++) {
      persons.add(HouseholdMember.otherResident(date(others.getJsonObject(i).getString("birthDate"))));
      add(refs, index, "otherAdult:" + i, false, jobbstimulans);
    }

    Map<CostType, BigDecimal> costs = new HashMap<>();
    content.costs().forEach((type, amount) -> CostType.fromJson(type).ifPresent(cost -> costs.put(cost, amount)));
    List<Income> incomes = new ArrayList<>();
    for (Object item : content.incomes()) {
      JsonObject income = (JsonObject) item;
      Integer person = index.get(income.getString("person"));
      incomes.add(new Income(person, income.getString("type"), Kronor.of(income.getValue("amount"))));
    }
    return new Mapped(new NormInput(month, persons, costs, incomes), refs, jobbstimulans);
  }

  private static void add(List<String> refs, Map<String, Integer> index, String ref, boolean stimulus,
                          List<String> jobbstimulans) {
    index.put(ref, refs.size());
    refs.add(ref);
    if (stimulus) {
      jobbstimulans.add(ref);
    }
  }

  private static boolean stimulus(CaseFile file, UUID person, IncomeClassification classification) {
    return Jobbstimulans.stateIn(file.application().month(), file.bistandMonths(person),
      classification.jobbstimulans()).active();
  }

  /** The child's employment income in the months of this calendar year before the application's month. */
  static BigDecimal workIncomeEarlierThisYear(CaseFile file, String childKey, IncomeClassification classification) {
    YearMonth month = file.application().month();
    BigDecimal sum = BigDecimal.ZERO;
    for (CaseFile.EarlierApplication earlier : file.earlier()) {
      if (earlier.month().getYear() != month.getYear() || !earlier.month().isBefore(month)) {
        continue;
      }
      for (Map.Entry<String, BigDecimal> income : new Content(earlier.content()).incomeSums().entrySet()) {
        String[] key = income.getKey().split("\\|");
        boolean employment = classification.rule(key[1]).map(rule -> rule.employment()).orElse(false);
        if (key[0].equals(childKey) && employment) {
          sum = sum.add(income.getValue());
        }
      }
    }
    return sum;
  }

  private static LocalDate date(String value) {
    return LocalDate.parse(value);
  }
}
