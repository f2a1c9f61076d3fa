package se.socialportal.admin.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** "Today" and "this month" in the municipality's calendar (Europe/Stockholm), as instants for the queries. */
record Periods(LocalDate today, YearMonth month, Instant dayStart, Instant dayEnd, Instant monthStart) {

  static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  static Periods at(Instant now) {
    LocalDate today = now.atZone(SWEDEN).toLocalDate();
    YearMonth month = YearMonth.from(today);
    return new Periods(today, month, today.atStartOfDay(SWEDEN).toInstant(),
      today.plusDays(1).atStartOfDay(SWEDEN).toInstant(), month.atDay(1).atStartOfDay(SWEDEN).toInstant());
  }
}
