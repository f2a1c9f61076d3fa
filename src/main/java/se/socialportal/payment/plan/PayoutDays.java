package se.socialportal.payment.plan;

import se.socialportal.platform.time.SwedishCalendar;
import se.socialportal.rules.PaymentCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A municipality's payout days and cut-offs, from its payment calendar: a banking day is a Swedish banking day the
 * municipality has not closed; the file for execution date D must be with the bank by the calendar's time, the given
 * number of banking days before D. Pure: every answer is a function of the calendar and the instant asked about.
 */
public final class PayoutDays {

  public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final int SEARCH_DAYS = 40;

  /** A cut-off: when it falls and the execution date it is the last chance for. */
  public record CutOff(Instant at, LocalDate executionDate) {
  }

  private final PaymentCalendar calendar;

  public PayoutDays(PaymentCalendar calendar) {
    this.calendar = calendar;
  }

  public boolean isBankingDay(LocalDate day) {
    return SwedishCalendar.isWorkingDay(day) && !calendar.extraClosedDays().contains(day);
  }

  /** When the file for execution date {@code day} must be with the bank. */
  public Instant cutOff(LocalDate day) {
    LocalDate cutOffDay = day;
    for (int i = 0; i < calendar.cutOffBankingDaysBefore(); i++) {
      cutOffDay = previousBankingDay(cutOffDay.minusDays(1));
    }
    return ZonedDateTime.of(cutOffDay, calendar.cutOffTime(), STOCKHOLM).toInstant();
  }

  /** The first banking day whose cut-off has not passed at {@code now}. */
  public LocalDate earliestExecutionDate(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, STOCKHOLM);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (isBankingDay(day) && cutOff(day).isAfter(now)) {
        return day;
      }
    }
    throw new IllegalStateException("no banking day within " + SEARCH_DAYS + " days");
  }

  /**
   * The date a granted part is planned for: försörjningsstöd for a month on the calendar's monthly payout day in the
   * month before (the banking day before it when it is not one) while that day's cut-off is still ahead; anything
   * else, or later, on the earliest execution date.
   */
  public LocalDate planned(String decisionType, YearMonth month, Instant now) {
    LocalDate earliest = earliestExecutionDate(now);
    if (!"forsorjningsstod".equals(decisionType) || calendar.monthlyPayoutDay().isEmpty()) {
      return earliest;
    }
    LocalDate target = previousBankingDay(month.minusMonths(1).atDay(calendar.monthlyPayoutDay().getAsInt()));
    return cutOff(target).isAfter(now) ? target : earliest;
  }

  /** The latest cut-off at or before {@code now}, if one lies within the last weeks. */
  public Optional<CutOff> latestCutOff(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
    CutOff latest = null;
    for (LocalDate day = today.minusDays(SEARCH_DAYS / 2); !day.isAfter(today.plusDays(SEARCH_DAYS / 2));
         day = day.plusDays(1)) {
      if (!isBankingDay(day)) {
        continue;
      }
      Instant at = cutOff(day);
      if (!at.isAfter(now) && (latest == null || at.isAfter(latest.at()))) {
        latest = new CutOff(at, day);
      }
    }
    return Optional.ofNullable(latest);
  }

  /** {@code day} if it is a banking day, else the nearest banking day before it. */
  public LocalDate previousBankingDay(LocalDate day) {
    LocalDate candidate = day;
    while (!isBankingDay(candidate)) {
      candidate = candidate.minusDays(1);
    }
    return candidate;
  }
}
