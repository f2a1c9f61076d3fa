package se.socialportal.admin.nyckeltal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A month's nyckeltal from the records read for it (NyckeltalQuery): a pure function, so every figure can be checked
 * against hand-computed data and reproduced from docs/admin.md. Money is BigDecimal kronor; shares are percent with
 * one decimal, rounded half up, and absent (null) when there is nothing to divide by.
 */
public final class NyckeltalFigures {

  /** Changes whenever a definition in docs/admin.md changes; stored with every snapshot. */
  public static final String DEFINITION_VERSION = "nyckeltal-1";
  static final List<String> CHANNELS = List.of("digital", "assisted", "paper");
  /** Months with bistånd in the last twelve, as the distribution groups them. */
  static final List<int[]> MONTH_GROUPS = List.of(new int[] {1, 3}, new int[] {4, 6}, new int[] {7, 9},
    new int[] {10, 12});

  private NyckeltalFigures() {
  }

  /** One application for the month that has a standing grant, with its household and amounts. */
  public record GrantedApplication(UUID applicantId, String kind, boolean forsorjningsstod, boolean coApplicant,
                                   int childrenAtHome, FamilyType.Gender gender, BigDecimal granted, BigDecimal paid) {
  }

  /** Decisions taken in the month, counted by type, outcome and reason code (null when none). */
  public record DecisionCount(String type, String outcome, String reasonCode, long count) {
  }

  /** Everything the figures are computed from. */
  public record Input(YearMonth month, Map<String, Long> applicationsByChannel, long withdrawn,
                      List<GrantedApplication> granted, Map<UUID, Set<YearMonth>> monthsByResident,
                      List<DecisionCount> decisions) {
  }

  public static JsonObject compute(Input input) {
    return new JsonObject().put("month", input.month().toString()).put("definitionVersion", DEFINITION_VERSION)
      .put("applications", applications(input.applicationsByChannel(), input.withdrawn()))
      .mergeIn(households(input.granted()))
      .put("residents", residents(input.monthsByResident(), input.month()))
      .mergeIn(decisions(input.decisions()));
  }

  private static JsonObject applications(Map<String, Long> byChannel, long withdrawn) {
    long total = byChannel.values().stream().mapToLong(Long::longValue).sum();
    JsonObject answer = new JsonObject().put("total", total).put("withdrawn", withdrawn);
    for (String channel : CHANNELS) {
      long count = byChannel.getOrDefault(channel, 0L);
      answer.put(channel, new JsonObject().put("count", count).put("percent", percent(count, total)));
    }
    return answer;
  }

  /** Households: one per applicant with försörjningsstöd granted for the month; their grants on every application. */
  private static JsonObject households(List<GrantedApplication> applications) {
    Map<UUID, List<GrantedApplication>> byApplicant = new LinkedHashMap<>();
    applications.forEach(application -> byApplicant.computeIfAbsent(application.applicantId(),
      key -> new java.util.ArrayList<>()).add(application));
    long households = 0;
    BigDecimal granted = BigDecimal.ZERO;
    BigDecimal paid = BigDecimal.ZERO;
    Map<FamilyType, Long> types = new LinkedHashMap<>();
    for (FamilyType type : FamilyType.values()) {
      types.put(type, 0L);
    }
    for (List<GrantedApplication> household : byApplicant.values()) {
      if (household.stream().noneMatch(GrantedApplication::forsorjningsstod)) {
        continue;
      }
      households++;
      for (GrantedApplication application : household) {
        granted = granted.add(application.granted());
        paid = paid.add(application.paid());
      }
      // The household as the month's own application describes it (an extra application may come first).
      GrantedApplication monthly = household.stream().filter(a -> !"extra".equals(a.kind())).findFirst()
        .orElse(household.get(0));
      types.merge(FamilyType.of(monthly.coApplicant(), monthly.childrenAtHome(), monthly.gender()), 1L, Long::sum);
    }
    JsonArray familyTypes = new JsonArray();
    for (Map.Entry<FamilyType, Long> type : types.entrySet()) {
      familyTypes.add(new JsonObject().put("type", type.getKey().code()).put("households", type.getValue())
        .put("percent", percent(type.getValue(), households)));
    }
    return new JsonObject().put("households", households)
      .put("cost", new JsonObject().put("granted", kronor(granted)).put("paid", kronor(paid))
        .put("grantedPerHousehold", households == 0 ? null : kronor(granted.divide(BigDecimal.valueOf(households), 2,
          RoundingMode.HALF_UP)))
        .put("paidPerHousehold", households == 0 ? null : kronor(paid.divide(BigDecimal.valueOf(households), 2,
          RoundingMode.HALF_UP))))
      .put("familyTypes", familyTypes);
  }

  /** Residents with försörjningsstöd in the month: months with it in the last 12, and the very long-term share. */
  private static JsonObject residents(Map<UUID, Set<YearMonth>> monthsByResident, YearMonth month) {
    long recipients = 0;
    long monthsTotal = 0;
    long longTerm = 0;
    Map<String, Long> groups = new LinkedHashMap<>();
    MONTH_GROUPS.forEach(group -> groups.put(group[0] + "-" + group[1], 0L));
    for (Set<YearMonth> months : monthsByResident.values()) {
      if (!months.contains(month)) {
        continue;
      }
      recipients++;
      int last12 = LongTermRecipient.monthsWithin(months, month, 12);
      monthsTotal += last12;
      for (int[] group : MONTH_GROUPS) {
        if (last12 >= group[0] && last12 <= group[1]) {
          groups.merge(group[0] + "-" + group[1], 1L, Long::sum);
        }
      }
      if (LongTermRecipient.isLongTerm(months, month)) {
        longTerm++;
      }
    }
    JsonArray distribution = new JsonArray();
    groups.forEach((group, count) -> distribution.add(new JsonObject().put("months", group).put("residents", count)));
    return new JsonObject().put("recipients", recipients)
      .put("meanMonthsLast12", recipients == 0 ? null : BigDecimal.valueOf(monthsTotal)
        .divide(BigDecimal.valueOf(recipients), 1, RoundingMode.HALF_UP).toPlainString())
      .put("monthsLast12", distribution)
      .put("longTerm", new JsonObject().put("count", longTerm).put("percent", percent(longTerm, recipients)));
  }

  private static JsonObject decisions(List<DecisionCount> counts) {
    Map<String, Long> byTypeAndOutcome = new TreeMap<>();
    Map<String, Long> avslag = new TreeMap<>();
    Map<String, Long> avslut = new TreeMap<>();
    for (DecisionCount count : counts) {
      byTypeAndOutcome.merge(count.type() + "/" + count.outcome(), count.count(), Long::sum);
      String reason = count.reasonCode() == null ? "ingen_angiven" : count.reasonCode();
      if ("avslag".equals(count.outcome())) {
        avslag.merge(reason, count.count(), Long::sum);
      } else if ("avslut_utan_atgard".equals(count.type()) || "avslutad".equals(count.outcome())) {
        avslut.merge(reason, count.count(), Long::sum);
      }
    }
    JsonArray decisions = new JsonArray();
    byTypeAndOutcome.forEach((key, count) -> decisions.add(new JsonObject().put("type", key.substring(0,
      key.indexOf('/'))).put("outcome", key.substring(key.indexOf('/') + 1)).put("count", count)));
    return new JsonObject().put("decisions", decisions).put("avslagReasons", reasons(avslag))
      .put("avslutReasons", reasons(avslut));
  }

  private static JsonArray reasons(Map<String, Long> counts) {
    JsonArray answer = new JsonArray();
    counts.forEach((reason, count) -> answer.add(new JsonObject().put("reason", reason).put("count", count)));
    return answer;
  }

  static String percent(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
      .toPlainString();
  }

  private static String kronor(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
