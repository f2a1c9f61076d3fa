package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How this month's application differs from last month's (LastMonthComparison). Stored as
 * beslutsforslag.comparison; WarningRules turns the changes into warnings.
 *
 * @param baseline the application compared with; empty when there is none (first application, or a gap)
 */
public record Comparison(Optional<UUID> baseline, String note, List<Change> changes) {

  public Comparison {
    changes = List.copyOf(changes);
  }

  public enum Kind {
    INCOME_NEW, INCOME_DROPPED, INCOME_CHANGED, COST_NEW, COST_CHANGED, COST_DROPPED, NEED, PERSON_NEW, PERSON_GONE,
    PERSON_CHANGED, HOUSING_CHANGED
  }

  /**
   * @param key      what changed: "applicant|salary", "rent", "child:Alva:2019-03-01", ...
   * @param previous last month's amount (0 when new); null for changes that are not amounts
   * @param current  this month's amount (0 when dropped); null for changes that are not amounts
   * @param text     what changed, in Swedish, e.g. "bor nu hos den andra föräldern 10 dagar i månaden"
   */
  public record Change(Kind kind, String key, BigDecimal previous, BigDecimal current, String text) {
  }

  public static Comparison none(String note) {
    return new Comparison(Optional.empty(), note, List.of());
  }

  public boolean hasBaseline() {
    return baseline.isPresent();
  }

  public List<Change> of(Kind kind) {
    return changes.stream().filter(change -> change.kind() == kind).toList();
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    for (Change change : changes) {
      list.add(new JsonObject().put("kind", change.kind().name()).put("key", change.key())
        .put("previous", change.previous() == null ? null : change.previous().toPlainString())
        .put("current", change.current() == null ? null : change.current().toPlainString())
        .put("text", change.text()));
    }
    return new JsonObject().put("baselineApplicationId", baseline.map(UUID::toString).orElse(null))
      .put("note", note).put("changes", list);
  }
}
