package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Loads what {@link FreeTimes} needs for a tenant and a stretch of time, and asks it. */
final class Calendar {

  static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  private Calendar() {
  }

  /** What to look for: a meeting's length on the grid in [from, to), apart from {@code keepAway}. */
  record Search(String tenantId, FreeTimes.Request request, List<FreeTimes.Busy> keepAway, Duration separation,
                Set<UUID> skipStaff) {

    static Search of(String tenantId, Duration length, Duration step, Instant from, Instant to) {
      return new Search(tenantId, new FreeTimes.Request(length, step, from, to), List.of(), Duration.ZERO, Set.of());
    }

    Search apartFrom(List<FreeTimes.Busy> others, Duration distance) {
      return new Search(tenantId, request, others, distance, skipStaff);
    }

    Search between(Instant from, Instant to) {
      return new Search(tenantId, new FreeTimes.Request(request.length(), request.step(), from, to), keepAway,
        separation, skipStaff);
    }

    Search skipping(Set<UUID> staff) {
      return new Search(tenantId, request, keepAway, separation, staff);
    }
  }

  /** Every free time with a staff member free at it, in time order. */
  static Future<List<FreeTimes.Candidate>> candidates(SqlClient client, Search search) {
    Instant from = search.request().from();
    Instant to = search.request().to();
    if (!from.isBefore(to)) {
      return Future.succeededFuture(List.of());
    }
    LocalDate first = LocalDate.ofInstant(from, ZONE);
    LocalDate last = LocalDate.ofInstant(to, ZONE);
    // Busy time is read a day wider than asked: a meeting that starts inside runs past the end of the range.
    Instant busyTo = to.plus(search.request().length());
    return ScheduleRepository.active(client, search.tenantId(), first).compose(entries -> {
      List<FreeTimes.Weekly> weekly = entries.stream().map(ScheduleRepository.Entry::hours)
        .filter(hours -> !search.skipStaff().contains(hours.staffId())).toList();
      if (weekly.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      return ScheduleRepository.exceptions(client, search.tenantId(), from, busyTo).compose(closures ->
        AppointmentRepository.busy(client, search.tenantId(), from, busyTo).map(appointments -> {
          List<FreeTimes.Busy> busy = new ArrayList<>(appointments);
          closures.forEach(closure -> busy.add(new FreeTimes.Busy(closure.staffId(), closure.start(), closure.end())));
          return FreeTimes.candidates(FreeTimes.windows(weekly, first, last, ZONE), busy, search.request(),
            search.keepAway(), search.separation());
        }));
    });
  }

  /** The first staff member free at exactly {@code start}, if any. */
  static Future<Optional<FreeTimes.Candidate>> at(SqlClient client, Search search, Instant start) {
    Instant dayStart = LocalDate.ofInstant(start, ZONE).atStartOfDay(ZONE).toInstant();
    Search day = search.between(max(dayStart, search.request().from()), min(dayStart.plus(Duration.ofDays(1)),
      search.request().to()));
    return candidates(client, day).map(found -> found.stream().filter(candidate -> candidate.start().equals(start))
      .findFirst());
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
