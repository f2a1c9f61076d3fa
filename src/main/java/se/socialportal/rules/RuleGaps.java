package se.socialportal.rules;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that will be needed soon and are missing. Residents apply for this month and the next, so both must be
 * covered; from 1 October the coming year's January too: the government decides the riksnorm in the autumn and
 * municipalities decide their caps for the year, some late, and an operator should hear of a missing file months
 * before the first application for January arrives rather than from a queue of waiting cases.
 */
public final class RuleGaps {

  /** From this month on, next year's rules are expected. */
  static final Month WARN_FROM = Month.OCTOBER;

  private RuleGaps() {
  }

  /** Each missing kind (per tenant) once, at the first month it is needed. */
  public static List<RuleGap> ahead(RuleBook book, LocalDate today) {
    YearMonth month = YearMonth.from(today);
    List<YearMonth> months = new ArrayList<>(List.of(month, month.plusMonths(1)));
    if (today.getMonth().compareTo(WARN_FROM) >= 0) {
      months.add(YearMonth.of(today.getYear() + 1, 1));
    }
    Map<String, RuleGap> first = new LinkedHashMap<>();
    for (YearMonth needed : months) {
      for (RuleGap gap : book.gaps(needed)) {
        first.putIfAbsent(gap.kind().key() + "@" + gap.tenantId().orElse("") + "@" + needed.getYear(), gap);
      }
    }
    return List.copyOf(first.values());
  }
}
