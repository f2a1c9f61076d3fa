package se.socialportal.familjeratt;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which times can be booked: the staff's weekly hours laid out on the calendar, less exceptions (holidays, sick days)
 * and the appointments already there. Pure: no database, no clock; the caller supplies everything. The database's
 * exclusion constraint, not this class, is what keeps two bookings off one time.
 */
public final class FreeTimes {

  /** One weekly stretch of a staff member's hours (fr_schedule). */
  public record Weekly(UUID staffId, String unit, String office, DayOfWeek weekday, LocalTime start, LocalTime end,
                       LocalDate validFrom, Optional<LocalDate> validTo) {
  }

  /** A stretch of bookable time on a given day. */
  public record Window(UUID staffId, String unit, String office, Instant start, Instant end) {
  }

  /** Time that cannot be booked: an appointment or an exception; {@code staffId} empty = everyone's (a holiday). */
  public record Busy(Optional<UUID> staffId, Instant start, Instant end) {
    boolean blocks(UUID staff, Instant from, Instant to) {
      return staffId.map(staff::equals).orElse(true) && start.isBefore(to) && from.isBefore(end);
    }
  }

  /** A bookable time with a staff member free at it. */
  public record Candidate(Instant start, Instant end, UUID staffId, String unit, String office) {
  }

  /** What is asked: a meeting of {@code length}, starting on the grid, within [from, to). */
  public record Request(Duration length, Duration step, Instant from, Instant to) {
  }

  private FreeTimes() {
  }

  /** The weekly hours as windows on each day from {@code first} to {@code last}, in the zone's wall-clock time. */
  public static List<Window> windows(List<Weekly> weekly, LocalDate first, LocalDate last, ZoneId zone) {
    List<Window> windows = new ArrayList<>();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      LocalDate day = date;
      for (Weekly hours : weekly) {
        boolean valid = !day.isBefore(hours.validFrom()) && hours.validTo().map(to -> !day.isAfter(to)).orElse(true);
        if (valid && hours.weekday() == day.getDayOfWeek()) {
          windows.add(new Window(hours.staffId(), hours.unit(), hours.office(), day.atTime(hours.start())
            .atZone(zone).toInstant(), day.atTime(hours.end()).atZone(zone).toInstant()));
        }
      }
    }
    return windows;
  }

  /**
   * Every bookable start with a free staff member, sorted by time (and staff id, so the choice among several free
   * staff members is the same on every server). A start lies on the grid counted from its window's start, the whole
   * meeting fits in the window, touches nothing busy, and keeps {@code separation} away from every range in
   * {@code keepAway} (the other parent's meetings, when the parents must not meet).
   */
  public static List<Candidate> candidates(List<Window> windows, List<Busy> busy, Request request,
                                           List<Busy> keepAway, Duration separation) {
    List<Candidate> found = new ArrayList<>();
    for (Window window : windows) {
      for (Instant start = window.start(); !start.plus(request.length()).isAfter(window.end());
           start = start.plus(request.step())) {
        Instant end = start.plus(request.length());
        if (start.isBefore(request.from()) || !start.isBefore(request.to())) {
          continue;
        }
        if (free(window.staffId(), start, end, busy) && apart(start, end, keepAway, separation)) {
          found.add(new Candidate(start, end, window.staffId(), window.unit(), window.office()));
        }
      }
    }
    found.sort(Comparator.comparing(Candidate::start).thenComparing(candidate -> candidate.staffId().toString()));
    return found;
  }

  /** The distinct start times, at most {@code limit}. */
  public static List<Instant> starts(List<Candidate> candidates, int limit) {
    return candidates.stream().map(Candidate::start).distinct().limit(limit).toList();
  }

  private static boolean free(UUID staff, Instant start, Instant end, List<Busy> busy) {
    for (Busy taken : busy) {
      if (taken.blocks(staff, start, end)) {
        return false;
      }
    }
    return true;
  }

  private static boolean apart(Instant start, Instant end, List<Busy> keepAway, Duration separation) {
    for (Busy other : keepAway) {
      if (other.start().minus(separation).isBefore(end) && start.isBefore(other.end().plus(separation))) {
        return false;
      }
    }
    return true;
  }
}
