package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares this month's application with last month's, as Trelleborg's robot and Sundsvall's process do before a
 * re-application is proposed (docs/sources.md#peer-systems): incomes per person and type, costs, needs, who lives in
 * the household and how. Pure: content in, changes out.
 */
public final class LastMonthComparison {

  private LastMonthComparison() {
  }

  public static Comparison compare(CaseFile file) {
    Optional<CaseFile.EarlierApplication> last = file.lastMonth();
    if (last.isEmpty()) {
      return Comparison.none("new".equals(file.application().kind())
        ? "Första ansökan: ingen tidigare månad att jämföra med."
        : "Ingen ansökan för " + file.application().month().minusMonths(1) + " att jämföra med.");
    }
    Content now = new Content(file.application().content());
    Content before = new Content(last.get().content());
    List<Comparison.Change> changes = new ArrayList<>();
    incomes(before, now, changes);
    costs(before, now, changes);
    needs(now, changes);
    persons(before, now, changes);
    String housingBefore = before.housing().getString("type");
    String housingNow = now.housing().getString("type");
    if (!Objects.equals(housingBefore, housingNow)) {
      changes.add(new Comparison.Change(Comparison.Kind.HOUSING_CHANGED, "housing", null, null,
        "boendeform har ändrats från " + housingBefore + " till " + housingNow));
    }
    return new Comparison(Optional.of(last.get().id()), "Jämförd med ansökan för " + last.get().month() + ".", changes);
  }

  private static void incomes(Content before, Content now, List<Comparison.Change> changes) {
    Map<String, BigDecimal> previous = before.incomeSums();
    Map<String, BigDecimal> current = now.incomeSums();
    for (Map.Entry<String, BigDecimal> entry : current.entrySet()) {
      BigDecimal was = previous.get(entry.getKey());
      String text = describeIncome(entry.getKey());
      if (was == null || was.signum() == 0) {
        if (entry.getValue().signum() > 0) {
          changes.add(new Comparison.Change(Comparison.Kind.INCOME_NEW, entry.getKey(), BigDecimal.ZERO,
            entry.getValue(), text));
        }
      } else if (was.compareTo(entry.getValue()) != 0) {
        changes.add(new Comparison.Change(Comparison.Kind.INCOME_CHANGED, entry.getKey(), was, entry.getValue(), text));
      }
    }
    for (Map.Entry<String, BigDecimal> entry : previous.entrySet()) {
      if (entry.getValue().signum() > 0 && current.getOrDefault(entry.getKey(), BigDecimal.ZERO).signum() == 0) {
        changes.add(new Comparison.Change(Comparison.Kind.INCOME_DROPPED, entry.getKey(), entry.getValue(),
          BigDecimal.ZERO, describeIncome(entry.getKey())));
      }
    }
  }

  private static String describeIncome(String key) {
    String[] parts = key.split("\\|");
    return Labels.income(parts[1]) + " (" + Labels.person(parts[0]) + ")";
  }

  private static void costs(Content before, Content now, List<Comparison.Change> changes) {
    Map<String, BigDecimal> previous = before.costs();
    Map<String, BigDecimal> current = now.costs();
    for (Map.Entry<String, BigDecimal> entry : current.entrySet()) {
      BigDecimal was = previous.get(entry.getKey());
      if (was == null) {
        changes.add(new Comparison.Change(Comparison.Kind.COST_NEW, entry.getKey(), BigDecimal.ZERO, entry.getValue(),
          Labels.cost(entry.getKey())));
      } else if (was.compareTo(entry.getValue()) != 0) {
        changes.add(new Comparison.Change(Comparison.Kind.COST_CHANGED, entry.getKey(), was, entry.getValue(),
          Labels.cost(entry.getKey())));
      }
    }
    for (Map.Entry<String, BigDecimal> entry : previous.entrySet()) {
      if (!current.containsKey(entry.getKey())) {
        changes.add(new Comparison.Change(Comparison.Kind.COST_DROPPED, entry.getKey(), entry.getValue(),
          BigDecimal.ZERO, Labels.cost(entry.getKey())));
      }
    }
  }

  /** A need (livsföring i övrigt) is applied for month by month, so every one is new. */
  private static void needs(Content now, List<Comparison.Change> changes) {
    JsonArray needs = now.needs();
    for (int i = 0; i < needs.size(); i++) {
      JsonObject need = needs.getJsonObject(i);
      changes.add(new Comparison.Change(Comparison.Kind.NEED, "need:" + i, BigDecimal.ZERO,
        Kronor.of(need.getValue("amount")), Labels.need(need.getString("type"))));
    }
  }

  private static void persons(Content before, Content now, List<Comparison.Change> changes) {
    Map<String, JsonObject> previous = people(before);
    Map<String, JsonObject> current = people(now);
    for (Map.Entry<String, JsonObject> entry : current.entrySet()) {
      JsonObject was = previous.get(entry.getKey());
      if (was == null) {
        changes.add(new Comparison.Change(Comparison.Kind.PERSON_NEW, entry.getKey(), null, null,
          Labels.person(entry.getKey()) + " finns inte med i förra månadens ansökan"));
      } else {
        String how = livingChange(was, entry.getValue());
        if (how != null) {
          changes.add(new Comparison.Change(Comparison.Kind.PERSON_CHANGED, entry.getKey(), null, null,
            Labels.person(entry.getKey()) + ": " + how));
        }
      }
    }
    Set<String> gone = new HashSet<>(previous.keySet());
    gone.removeAll(current.keySet());
    for (String key : gone) {
      changes.add(new Comparison.Change(Comparison.Kind.PERSON_GONE, key, null, null,
        Labels.person(key) + " fanns med förra månaden men inte nu"));
    }
  }

  private static String livingChange(JsonObject before, JsonObject now) {
    if (!Objects.equals(before.getString("relation"), now.getString("relation"))) {
      return "relationen har ändrats från " + before.getString("relation") + " till " + now.getString("relation");
    }
    if (!Objects.equals(before.getString("livesHere"), now.getString("livesHere"))) {
      return "boende har ändrats från " + before.getString("livesHere") + " till " + now.getString("livesHere");
    }
    if (!Objects.equals(before.getInteger("daysPerMonth"), now.getInteger("daysPerMonth"))) {
      return "umgängesdagar har ändrats från " + before.getInteger("daysPerMonth") + " till "
        + now.getInteger("daysPerMonth");
    }
    return null;
  }

  /** Co-applicant, children and other adults by stable key. The co-applicant is known by birth date. */
  private static Map<String, JsonObject> people(Content content) {
    Map<String, JsonObject> people = new LinkedHashMap<>();
    content.coApplicant().ifPresent(co -> people.put("coApplicant:" + co.getString("birthDate"), co));
    for (int i = 0; i < content.children().size(); i++) {
      people.put(content.personKey("child:" + i), content.children().getJsonObject(i));
    }
    for (int i = 0; i < content.otherAdults().size(); i++) {
      people.put(content.personKey("otherAdult:" + i), content.otherAdults().getJsonObject(i));
    }
    return people;
  }
}
