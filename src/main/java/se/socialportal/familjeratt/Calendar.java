package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
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
  }

  /**
   * Every free time with a staff member free at it, in time order. The hours come from {@code published}; the
   * busy times, the closures and the hours' version are three statements sent together on one connection (pipelined,
   * one round trip) — on {@code client} itself when it is a transaction's.
   */
  static Future<List<FreeTimes.Candidate>> candidates(PublishedHours published, SqlClient client, Search search) {
    if (!search.request().from().isBefore(search.request().to())) {
      return Future.succeededFuture(List.of());
    }
    if (client instanceof Pool pool) {
      return pool.withConnection(connection -> read(published, connection, search));
    }
    return read(published, client, search);
  }

  private static Future<List<FreeTimes.Candidate>> read(PublishedHours published, SqlClient client, Search search) {
    Instant from = search.request().from();
    Instant to = search.request().to();
    LocalDate first = LocalDate.ofInstant(from, ZONE);
    LocalDate last = LocalDate.ofInstant(to, ZONE);
    // Busy time is read a day wider than asked: a meeting that starts inside runs past the end of the range.
    Instant busyTo = to.plus(search.request().length());
    Future<Long> version = ScheduleRepository.version(client, search.tenantId());
    Future<List<ScheduleRepository.Closure>> closures = ScheduleRepository.exceptions(client, search.tenantId(), from,
      busyTo);
    Future<List<FreeTimes.Busy>> appointments = AppointmentRepository.busy(client, search.tenantId(), from, busyTo);
    return Future.all(version, closures, appointments)
      .compose(read -> published.at(client, search.tenantId(), version.result())).map(hours -> {
        List<FreeTimes.Weekly> weekly = hours.stream()
          .filter(entry -> entry.validTo().map(until -> !until.isBefore(first)).orElse(true))
          .filter(entry -> !search.skipStaff().contains(entry.staffId())).toList();
        if (weekly.isEmpty()) {
          return List.<FreeTimes.Candidate>of();
        }
        List<FreeTimes.Busy> busy = new ArrayList<>(appointments.result());
        closures.result().forEach(closure -> busy.add(new FreeTimes.Busy(closure.staffId(), closure.start(),
          closure.end())));
        return FreeTimes.candidates(FreeTimes.windows(weekly, first, last, ZONE), busy, search.request(),
          search.keepAway(), search.separation());
      });
  }

  /** The first staff member free at exactly {@code start}, if any. */
  static Future<Optional<FreeTimes.Candidate>> at(PublishedHours published, SqlClient client, Search search,
                                                  Instant start) {
    Instant dayStart = LocalDate.ofInstant(start, ZONE).atStartOfDay(ZONE).toInstant();
    Search day = search.between(max(dayStart, search.request().from()), min(dayStart.plus(Duration.ofDays(1)),
      search.request().to()));
    return candidates(published, client, day).map(found -> found.stream()
      .filter(candidate -> candidate.start().equals(start)).findFirst());
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
