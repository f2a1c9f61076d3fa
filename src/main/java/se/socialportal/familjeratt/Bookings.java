package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What residents do with their bookings: book, move, cancel, decline. Each state change is one transaction, and the
 * appointment's row is what holds the time: an insert the database refuses (another booking got the time first)
 * rolls everything back and is answered with the next free times.
 */
final class Bookings {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** When several staff members are free at a time and the first is taken meanwhile, try the next (at most this many). */
  private static final int STAFF_ATTEMPTS = 5;
  /** How many next free times a refused time is answered with. */
  private static final int NEXT_TIMES = 5;

  private final Room room;
  private final BookingViews views;

  Bookings(Room room, BookingViews views) {
    this.room = room;
    this.views = views;
  }

  /** A resident books a time for a service. Two-parent services wait for the other parent's confirmation. */
  Future<JsonObject> book(Session session, JsonObject body) {
    String tenant = session.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    BookingRequest request = BookingRequest.parse(body, rules, room.today());
    UUID booker = session.residentId();
    Instant now = room.now();
    Calendar.Search search = window(tenant, rules, request.service(), request.interpreter().isPresent(),
      request.expectedBirth(), now);
    // One read of the free times (one round trip) serves the whole request: whether the time is free, who is free at
    // it, and the next free times a refusal or a lost race is answered with.
    return Calendar.candidates(room.hours(), room.pool(), search)
      .compose(free -> {
        List<FreeTimes.Candidate> staff = free.stream().filter(candidate -> candidate.start().equals(request.start()))
          .limit(STAFF_ATTEMPTS).toList();
        if (staff.isEmpty()) {
          return Future.<UUID>failedFuture(new TimeTaken(next(free, request.start())));
        }
        return book(session, rules, request, booker, staff, 0, now).recover(failure -> Sql.isDoubleBooking(failure)
          ? Future.failedFuture(new TimeTaken(next(free, request.start()))) : Future.failedFuture(failure));
      })
      .compose(id -> views.view(session, id));
  }

  /**
   * The free times are read once, outside the transaction: a time already taken is answered at once with the next
   * free ones, without a transaction. A free one is claimed first in its transaction — a lost race (another request
   * inserting the same staff member's time right now, or done already) ends it at once, and the next staff member
   * free at the time is tried —, and the exclusion constraint, not any read, decides who gets a time requests race for.
   */
  private Future<UUID> book(Session session, FamiljerattRules rules, BookingRequest request, UUID booker,
                            List<FreeTimes.Candidate> staff, int index, Instant now) {
    String tenant = session.tenantId();
    FreeTimes.Candidate chosen = staff.get(index);
    return room.pool().<UUID>withTransaction(tx -> AppointmentRepository.claim(tx, chosen.staffId(), chosen.start(),
          chosen.end())
        .compose(claimed -> claimed ? parties(tx, tenant, booker, request) : Future.failedFuture(new Sql.RaceLost()))
        .compose(parties -> insert(tx, session, rules, request, parties, chosen, now)))
      .recover(failure -> Sql.isDoubleBooking(failure) && index + 1 < staff.size()
        // Someone else got this staff member's time first; another one may still be free at it.
        ? book(session, rules, request, booker, staff, index + 1, now)
        : Future.failedFuture(failure));
  }

  /** The next free times after {@code asked}; when none comes after it, the first free ones. */
  static List<Instant> next(List<FreeTimes.Candidate> free, Instant asked) {
    List<Instant> later = FreeTimes.starts(free.stream().filter(candidate -> candidate.start().isAfter(asked)).toList(),
      NEXT_TIMES);
    return later.isEmpty() ? FreeTimes.starts(free, NEXT_TIMES) : later;
  }

  /** Who takes part, and whether they must meet separately. */
  record Parties(PersonRepository.Person booker, Optional<PersonRepository.Person> other, Optional<String> separate) {
  }

  private Future<Parties> parties(SqlConnection tx, String tenant, UUID bookerId, BookingRequest request) {
    PersonRepository persons = new PersonRepository(tx);
    return persons.find(bookerId).compose(found -> {
      PersonRepository.Person booker = found.orElseThrow(ApiException::unauthenticated);
      if (request.otherParent().isEmpty()) {
        return Future.succeededFuture(new Parties(booker, Optional.empty(), Optional.empty()));
      }
      if (request.otherParent().get().equals(booker.personnummer())) {
        return Future.failedFuture(ApiException.invalid("otherParent", "other_parent_is_you"));
      }
      return persons.ensure(request.otherParent().get()).compose(other -> notice(tx, tenant, bookerId, request)
        .map(v -> new Parties(booker, Optional.of(other), separateReason(request.service(), request.risk(),
          booker.isProtected() || other.isProtected()))));
    });
  }

  /** A booking answering a Skatteverket notification must be by one of its parents, for the invited service. */
  private Future<Void> notice(SqlConnection tx, String tenant, UUID booker, BookingRequest request) {
    if (request.notice().isEmpty()) {
      return Future.succeededFuture();
    }
    return NoticeRepository.find(tx, tenant, request.notice().get()).compose(found -> {
      boolean fits = found.filter(notice -> notice.concerns(booker) && !"closed".equals(notice.stage())
        && !"booked".equals(notice.stage())).isPresent()
        && room.familjeratt(tenant).paternity().map(rule -> rule.service().equals(request.service().id())).orElse(false);
      return fits ? Future.succeededFuture() : Future.failedFuture(ApiException.invalid("notice", "notice_unknown"));
    });
  }

  /**
   * Why the parents meet separately, if they do: the service never lets them meet, the screening answer (a risk of
   * violence or threats), or a party with protected personal details, whose name and meeting place the other must
   * never learn.
   */
  static Optional<String> separateReason(FamiljerattRules.Service service, boolean risk, boolean protectedParty) {
    if (!service.bothParents()) {
      return Optional.empty();
    }
    if (!service.mayMeet()) {
      return Optional.of("service");
    }
    if (risk) {
      return Optional.of("screening");
    }
    return protectedParty ? Optional.of("protected") : Optional.empty();
  }

  private Future<UUID> insert(SqlConnection tx, Session session, FamiljerattRules rules, BookingRequest request,
                              Parties parties, FreeTimes.Candidate free, Instant now) {
    String tenant = session.tenantId();
    boolean both = request.service().bothParents();
    Optional<Instant> deadline = both
      ? Optional.of(Calendar.min(now.plus(rules.booking().confirmWithin()), free.start())) : Optional.empty();
    UUID booker = parties.booker().id();
    return BookingRepository.insert(tx, new BookingRepository.New(tenant, request.service().id(), rules.version(),
        both ? "awaiting_confirmation" : "confirmed", booker, parties.other().map(PersonRepository.Person::id),
        parties.separate(), request.interpreter(), deadline, request.notice(), request.expectedBirth(),
        Optional.empty()), now)
      .compose(id -> AppointmentRepository.insert(tx, new AppointmentRepository.New(tenant, id, free.staffId(),
          parties.separate().map(reason -> booker), "first", free.start(), free.end(), both ? "held" : "confirmed",
          request.place(), Optional.ofNullable(free.office()), meetingLink(rules, request.place()),
          request.interpreter()), now)
        .compose(appointment -> ContactRepository.save(tx, tenant, booker, request.contact(), now)
          .compose(v -> both
            ? NotificationRepository.add(tx, tenant, parties.other().get().id(),
              NotificationRepository.CONFIRMATION_REQUESTED, id, null, now)
            : NotificationRepository.add(tx, tenant, booker, NotificationRepository.BOOKING_CONFIRMED, id,
              appointment, now))
          .compose(v -> request.notice().map(notice -> NoticeRepository.booked(tx, notice, id))
            .orElse(Future.succeededFuture()))
          .map(id)));
  }

  /** Where a resident may book: from the notice period on, over the booking horizon (after a birth still to come). */
  Calendar.Search window(String tenant, FamiljerattRules rules, FamiljerattRules.Service service,
                         boolean interpreter, Optional<LocalDate> expectedBirth, Instant now) {
    Instant from = now.plus(rules.booking().minNotice());
    Instant to = now.plus(Duration.ofDays(7L * rules.booking().horizonWeeks()));
    if (expectedBirth.isPresent()) {
      Instant afterBirth = expectedBirth.get().plusDays(1).atStartOfDay(Calendar.ZONE).toInstant();
      from = Calendar.max(from, afterBirth);
      to = afterBirth.plus(Duration.ofDays(7L * rules.booking().horizonWeeks()));
    }
    return Calendar.Search.of(tenant, service.length(interpreter), rules.booking().slot(), from, to);
  }

  /** The next free times from {@code after} on (what a 409 offers instead). */
  Future<List<Instant>> nextTimes(Calendar.Search search, Instant after) {
    return Calendar.candidates(room.hours(), room.pool(), search).map(found -> next(found, after));
  }

  static Optional<String> meetingLink(FamiljerattRules rules, String place) {
    if (!"digital".equals(place)) {
      return Optional.empty();
    }
    byte[] room = new byte[12];
    RANDOM.nextBytes(room);
    return rules.digitalMeetingBaseUrl().map(base -> base + Base64.getUrlEncoder().withoutPadding().encodeToString(room));
  }

  /** A party moves their next meeting to another free time, up to the cut-off before it. */
  Future<JsonObject> move(Session session, UUID id, JsonObject body) {
    String tenant = session.tenantId();
    UUID me = session.residentId();
    FamiljerattRules rules = room.familjeratt(tenant);
    List<ApiException.FieldProblem> problems = new java.util.ArrayList<>();
    Instant start = BookingRequest.instant(body.getValue("start"), "start", problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Instant now = room.now();
    return BookingRepository.find(room.pool(), tenant, id).compose(found -> {
      BookingRepository.Booking seen = found.filter(row -> row.isParty(me)).orElseThrow(ApiException::notFound);
      FamiljerattRules.Service service = rules.service(seen.service()).orElseThrow(ApiException::notFound);
      Calendar.Search base = window(tenant, rules, service, false, seen.expectedBirth(), now);
      return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, id).compose(locked -> {
        BookingRepository.Booking booking = locked.orElseThrow(ApiException::notFound);
        if (!booking.open()) {
          return Future.failedFuture(ApiException.conflict("booking_closed"));
        }
        return AppointmentRepository.ofBooking(tx, id).compose(appointments -> {
          AppointmentRepository.Appointment current = appointments.stream()
            .filter(appointment -> appointment.upcoming() && appointment.attendedBy(me)).findFirst()
            .orElseThrow(() -> ApiException.conflict("nothing_to_change"));
          requireBeforeCutoff(rules, current, now);
          // The meeting keeps its length (an interpreter's time included) and stays apart from the other parent's.
          Calendar.Search search = new Calendar.Search(tenant, new FreeTimes.Request(
              Duration.between(current.start(), current.end()), base.request().step(), base.request().from(),
              base.request().to()), keepAway(booking, appointments, current.personId()), rules.booking().separation(),
            Set.of());
          return AppointmentRepository.setStatus(tx, current.id(), "moved", now)
            .compose(v -> Calendar.at(room.hours(), tx, search, start))
            .compose(free -> free.isEmpty() ? Future.failedFuture(new TimeTaken(List.of()))
              : AppointmentRepository.insert(tx, new AppointmentRepository.New(tenant, id, free.get().staffId(),
                current.personId(), current.kind(), free.get().start(), free.get().end(), current.status(),
                current.place(), Optional.ofNullable(free.get().office()), current.meetingLink(),
                current.interpreterLanguage()), now))
            .compose(appointment -> notifyAttendees(tx, booking, current.personId(),
              NotificationRepository.APPOINTMENT_MOVED, appointment, now));
        });
      })).recover(failure -> taken(failure, base, start));
    }).compose(v -> views.view(session, id));
  }

  /** A party cancels the booking, up to the cut-off before its next meeting; the other parent is told. */
  Future<JsonObject> cancel(Session session, UUID id) {
    String tenant = session.tenantId();
    UUID me = session.residentId();
    FamiljerattRules rules = room.familjeratt(tenant);
    Instant now = room.now();
    return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, id).compose(found -> {
      BookingRepository.Booking booking = found.filter(row -> row.isParty(me)).orElseThrow(ApiException::notFound);
      if (!booking.open()) {
        return Future.failedFuture(ApiException.conflict("booking_closed"));
      }
      return AppointmentRepository.ofBooking(tx, id).compose(appointments -> {
        appointments.stream().filter(AppointmentRepository.Appointment::upcoming)
          .forEach(appointment -> requireBeforeCutoff(rules, appointment, now));
        return close(tx, booking, "cancelled", now)
          .compose(v -> BookingRepository.cancel(tx, id, "resident", null, now))
          .compose(v -> booking.otherThan(me).map(other -> NotificationRepository.add(tx, tenant, other,
            NotificationRepository.BOOKING_CANCELLED, id, null, now)).orElse(Future.succeededFuture()));
      });
    })).compose(v -> views.view(session, id));
  }

  /** The other parent says no to a two-parent booking: the held time is released and the booker told. */
  Future<JsonObject> decline(Session session, UUID id) {
    String tenant = session.tenantId();
    UUID me = session.residentId();
    Instant now = room.now();
    return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, id).compose(found -> {
      BookingRepository.Booking booking = found.filter(row -> row.isOtherParent(me)).orElseThrow(ApiException::notFound);
      if (!"awaiting_confirmation".equals(booking.status())) {
        return Future.failedFuture(ApiException.conflict("booking_not_awaiting"));
      }
      return close(tx, booking, "released", now)
        .compose(v -> BookingRepository.status(tx, id, "declined", now))
        .compose(v -> NotificationRepository.add(tx, tenant, booking.bookerId(), NotificationRepository.BOOKING_DECLINED,
          id, null, now));
    })).compose(v -> views.view(session, id));
  }

  /** The booking's meetings no longer hold their times; a notification it answered goes back to its follow-up. */
  static Future<Void> close(SqlConnection tx, BookingRepository.Booking booking, String appointmentStatus,
                            Instant now) {
    return AppointmentRepository.setStatus(tx, booking.id(), List.of("held", "confirmed"), appointmentStatus, now)
      .compose(v -> NoticeRepository.reopen(tx, booking.id(), now));
  }

  private static void requireBeforeCutoff(FamiljerattRules rules, AppointmentRepository.Appointment appointment,
                                          Instant now) {
    if (!now.plus(rules.booking().cancelCutoff()).isBefore(appointment.start())) {
      throw ApiException.conflict("too_late_to_change", rules.booking().cancelCutoff().toHours());
    }
  }

  /** A refused time as a 409 with the next free times; any other failure as it is. */
  <T> Future<T> taken(Throwable failure, Calendar.Search search, Instant start) {
    if (failure instanceof TimeTaken && !((TimeTaken) failure).nextTimes().isEmpty()) {
      return Future.failedFuture(failure);
    }
    return Sql.isDoubleBooking(failure) || failure instanceof TimeTaken
      ? nextTimes(search, start).compose(next -> Future.failedFuture(new TimeTaken(next)))
      : Future.failedFuture(failure);
  }

  /** With separate meetings, the other parent's live meetings: a new time keeps its distance from them. */
  static List<FreeTimes.Busy> keepAway(BookingRepository.Booking booking,
                                       List<AppointmentRepository.Appointment> appointments, Optional<UUID> person) {
    if (!booking.separate() || person.isEmpty()) {
      return List.of();
    }
    return appointments.stream().filter(appointment -> appointment.live()
        && appointment.personId().map(other -> !other.equals(person.get())).orElse(true))
      .map(appointment -> new FreeTimes.Busy(Optional.empty(), appointment.start(), appointment.end())).toList();
  }

  /** Tells everyone who takes part in the meeting (both parents for a joint one). */
  static Future<Void> notifyAttendees(SqlConnection tx, BookingRepository.Booking booking, Optional<UUID> person,
                                      String kind, UUID appointment, Instant now) {
    List<UUID> people = person.map(List::of).orElseGet(() -> booking.otherParentId()
      .map(other -> List.of(booking.bookerId(), other)).orElse(List.of(booking.bookerId())));
    Future<Void> chain = Future.succeededFuture();
    for (UUID recipient : people) {
      chain = chain.compose(v -> NotificationRepository.add(tx, booking.tenantId(), recipient, kind, booking.id(),
        appointment, now));
    }
    return chain;
  }
}
