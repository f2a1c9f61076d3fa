package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the familjerättssekreterare does: publishes weekly hours and their exceptions, books on a resident's behalf
 * (phone calls) and books the further meetings of a series, adds an interpreter, marks attendance, cancels with a reason
 * the residents see, decides on separate meetings, and writes the informationssamtal intyg. One transaction each;
 * every action on a person's booking is in the audit log.
 */
final class StaffDesk {

  /** How far ahead staff may book (further than residents see). */
  private static final Duration STAFF_HORIZON = Duration.ofDays(7L * 26);

  private final Room room;
  private final Bookings bookings;

  StaffDesk(Room room, Bookings bookings) {
    this.room = room;
    this.bookings = bookings;
  }

  /**
   * A booking made on the phone: {service, start, booker, otherParent?, separate?, otherStart?, interpreter?, place?,
   * staffId?}. Confirmed at once (staff spoke with the parents); with separate meetings the other parent gets their own
   * time at otherStart, or later from "add a meeting".
   */
  Future<JsonObject> book(Session staff, JsonObject body, String requestId) {
    String tenant = staff.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    FamiljerattRules.Service service = Optional.ofNullable(Fields.string(body, "service")).flatMap(rules::service)
      .orElseThrow(() -> ApiException.invalid("service", "service_unknown"));
    Instant start = BookingRequest.instant(body.getValue("start"), "start", problems);
    Optional<Personnummer> booker = Fields.personnummer(room.today(), body.getValue("booker"));
    if (booker.isEmpty()) {
      problems.add(new ApiException.FieldProblem("booker", "personnummer_invalid"));
    }
    Optional<Personnummer> other = Fields.personnummer(room.today(), body.getValue("otherParent"));
    if (service.bothParents() && other.isEmpty()) {
      problems.add(new ApiException.FieldProblem("otherParent", "personnummer_invalid"));
    }
    boolean separate = Boolean.TRUE.equals(body.getValue("separate"));
    Optional<Instant> otherStart = body.getValue("otherStart") == null || "".equals(body.getValue("otherStart"))
      ? Optional.empty() : Optional.ofNullable(BookingRequest.instant(body.getValue("otherStart"), "otherStart", problems));
    String place = BookingRequest.place(service, body.getValue("place"), problems);
    Optional<String> interpreter = BookingRequest.interpreter(body.getValue("interpreter"), problems);
    Optional<UUID> staffId = Optional.ofNullable(Fields.string(body, "staffId")).filter(value -> !value.isBlank())
      .map(value -> Fields.uuid(value, "staffId", problems));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Instant now = room.now();
    Calendar.Search search = Calendar.Search.of(tenant, service.length(interpreter.isPresent()),
      rules.booking().slot(), now, now.plus(STAFF_HORIZON));
    return room.pool().withTransaction(tx -> {
      PersonRepository persons = new PersonRepository(tx);
      return persons.ensure(booker.get()).compose(bookerPerson -> (service.bothParents()
          ? persons.ensure(other.get()).map(Optional::of) : Future.succeededFuture(Optional.<PersonRepository.Person>empty()))
        .compose(otherPerson -> {
          if (otherPerson.filter(person -> person.id().equals(bookerPerson.id())).isPresent()) {
            return Future.failedFuture(ApiException.invalid("otherParent", "other_parent_is_you"));
          }
          Optional<String> reason = separate && service.bothParents() ? Optional.of("staff")
            : Bookings.separateReason(service, false, bookerPerson.isProtected()
              || otherPerson.map(PersonRepository.Person::isProtected).orElse(false));
          return BookingRepository.insert(tx, new BookingRepository.New(tenant, service.id(), rules.version(),
              "confirmed", bookerPerson.id(), otherPerson.map(PersonRepository.Person::id), reason, interpreter,
              Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(staff.staffMemberId())), now)
            .compose(id -> BookingRepository.find(tx, tenant, id).map(Optional::orElseThrow))
            .compose(booking -> meeting(tx, rules, booking, search, start, staffId, "first",
                reason.map(r -> bookerPerson.id()), place, interpreter)
              .compose(v -> reason.isPresent() && otherStart.isPresent() && otherPerson.isPresent()
                ? meeting(tx, rules, booking, search, otherStart.get(), staffId, "first",
                  Optional.of(otherPerson.get().id()), place, interpreter) : Future.succeededFuture())
              .compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.booking.create", bookerPerson.id(),
                booking.id(), requestId), now))
              .map(v -> new JsonObject().put("id", booking.id().toString())));
        }));
    }).recover(failure -> bookings.taken(failure, search, start));
  }

  /** A further meeting of the case's series: {kind, start, party: both|booker|other, staffId?}. */
  Future<JsonObject> addMeeting(Session staff, UUID bookingId, JsonObject body, String requestId) {
    String tenant = staff.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Instant start = BookingRequest.instant(body.getValue("start"), "start", problems);
    String party = Optional.ofNullable(Fields.string(body, "party")).orElse("both");
    if (!List.of("both", "booker", "other").contains(party)) {
      problems.add(new ApiException.FieldProblem("party", "party_invalid"));
    }
    Optional<UUID> staffId = Optional.ofNullable(Fields.string(body, "staffId")).filter(value -> !value.isBlank())
      .map(value -> Fields.uuid(value, "staffId", problems));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Instant now = room.now();
    return BookingRepository.find(room.pool(), tenant, bookingId).compose(found -> {
      BookingRepository.Booking seen = found.orElseThrow(ApiException::notFound);
      FamiljerattRules.Service service = rules.service(seen.service()).orElseThrow(ApiException::notFound);
      String kind = Optional.ofNullable(Fields.string(body, "kind")).orElse("joint");
      if (!service.series().contains(kind)) {
        throw ApiException.invalid("kind", "meeting_kind_invalid");
      }
      Calendar.Search search = Calendar.Search.of(tenant, service.length(seen.interpreterLanguage().isPresent()),
        rules.booking().slot(), now, now.plus(STAFF_HORIZON));
      return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, bookingId).compose(locked -> {
        BookingRepository.Booking booking = locked.orElseThrow(ApiException::notFound);
        if (!"confirmed".equals(booking.status())) {
          return Future.failedFuture(ApiException.conflict("booking_closed"));
        }
        Optional<UUID> person = "booker".equals(party) ? Optional.of(booking.bookerId())
          : "other".equals(party) ? booking.otherParentId() : Optional.empty();
        if ("other".equals(party) && person.isEmpty() || booking.separate() && person.isEmpty()) {
          return Future.failedFuture(ApiException.invalid("party", "party_invalid"));
        }
        String place = "office";
        return meeting(tx, rules, booking, search, start, staffId, kind, person, place, booking.interpreterLanguage())
          .compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.meeting.create", booking.bookerId(),
            bookingId, requestId), now))
          .map(v -> new JsonObject().put("id", bookingId.toString()));
      })).recover(failure -> bookings.taken(failure, search, start));
    });
  }

  /** Inserts a confirmed meeting at {@code start} with a free staff member (the named one, if any) and tells the attendees. */
  private Future<Void> meeting(SqlConnection tx, FamiljerattRules rules, BookingRepository.Booking booking,
                               Calendar.Search base, Instant start, Optional<UUID> staffId, String kind,
                               Optional<UUID> person, String place, Optional<String> interpreter) {
    Instant now = room.now();
    return AppointmentRepository.ofBooking(tx, booking.id()).compose(appointments -> {
      Calendar.Search search = base.apartFrom(Bookings.keepAway(booking, appointments, person),
        rules.booking().separation());
      return Calendar.candidates(room.hours(), tx, search.between(Calendar.max(base.request().from(), start),
          start.plus(Duration.ofMinutes(1))))
        .compose(found -> {
          Optional<FreeTimes.Candidate> free = found.stream().filter(candidate -> candidate.start().equals(start)
            && staffId.map(candidate.staffId()::equals).orElse(true)).findFirst();
          if (free.isEmpty()) {
            return Future.failedFuture(new TimeTaken(List.of()));
          }
          return AppointmentRepository.insert(tx, new AppointmentRepository.New(booking.tenantId(), booking.id(),
              free.get().staffId(), person, kind, free.get().start(), free.get().end(), "confirmed", place,
              Optional.ofNullable(free.get().office()), Bookings.meetingLink(rules, place), interpreter), now)
            .compose(id -> Bookings.notifyAttendees(tx, booking, person, "first".equals(kind)
              ? NotificationRepository.BOOKING_CONFIRMED : NotificationRepository.APPOINTMENT_BOOKED, id, now));
        });
    });
  }

  /** {language}: an interpreter for the meeting, which grows by the service's interpreter time. */
  Future<JsonObject> interpreter(Session staff, UUID appointmentId, JsonObject body, String requestId) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Optional<String> language = BookingRequest.interpreter(body.getValue("language"), problems);
    if (language.isEmpty()) {
      problems.add(new ApiException.FieldProblem("language", "interpreter_invalid"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    String tenant = staff.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    Instant now = room.now();
    return room.pool().withTransaction(tx -> upcoming(tx, tenant, appointmentId).compose(appointment ->
      BookingRepository.find(tx, tenant, appointment.bookingId()).compose(booking -> {
        FamiljerattRules.Service service = rules.service(booking.orElseThrow().service()).orElseThrow(ApiException::notFound);
        Instant end = appointment.interpreterLanguage().isPresent() ? appointment.end()
          : appointment.end().plus(service.interpreterTime());
        return AppointmentRepository.resize(tx, appointmentId, end, language.get(), now)
          .compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.meeting.interpreter",
            booking.get().bookerId(), booking.get().id(), requestId), now))
          .map(v -> new JsonObject().put("id", appointmentId.toString()).put("end", end.toString()));
      }))).recover(failure -> Sql.isDoubleBooking(failure)
        ? Future.failedFuture(ApiException.conflict("interpreter_no_room")) : Future.failedFuture(failure));
  }

  /** {outcome: attended|no_show}, once the meeting has begun. A notice's booking that was held closes the notice. */
  Future<JsonObject> attendance(Session staff, UUID appointmentId, JsonObject body, String requestId) {
    String outcome = Fields.string(body, "outcome");
    if (!"attended".equals(outcome) && !"no_show".equals(outcome)) {
      throw ApiException.invalid("outcome", "attendance_invalid");
    }
    String tenant = staff.tenantId();
    Instant now = room.now();
    return room.pool().withTransaction(tx -> AppointmentRepository.lock(tx, tenant, appointmentId).compose(found -> {
      AppointmentRepository.Appointment appointment = found.orElseThrow(ApiException::notFound);
      if (!"confirmed".equals(appointment.status()) && !"attended".equals(appointment.status())
        && !"no_show".equals(appointment.status())) {
        return Future.failedFuture(ApiException.conflict("meeting_not_confirmed"));
      }
      if (appointment.start().isAfter(now)) {
        return Future.failedFuture(ApiException.conflict("meeting_not_begun"));
      }
      return BookingRepository.find(tx, tenant, appointment.bookingId()).compose(booking ->
        AppointmentRepository.setStatus(tx, appointmentId, outcome, now)
          .compose(v -> "attended".equals(outcome) && booking.get().noticeId().isPresent()
            ? NoticeRepository.close(tx, tenant, booking.get().noticeId().get(), now).mapEmpty()
            : Future.succeededFuture())
          .compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.meeting.attendance",
            booking.get().bookerId(), booking.get().id(), requestId).withDetail(new JsonObject().put("outcome", outcome)),
            now))
          .map(v -> new JsonObject().put("id", appointmentId.toString()).put("status", outcome)));
    }));
  }

  /** {reason}: the booking is cancelled; both parents are told, and see the reason on Mina sidor. */
  Future<JsonObject> cancel(Session staff, UUID bookingId, JsonObject body, String requestId) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    String reason = Fields.text(body.getValue("reason"), "reason", 500, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    String tenant = staff.tenantId();
    Instant now = room.now();
    return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, bookingId).compose(found -> {
      BookingRepository.Booking booking = found.orElseThrow(ApiException::notFound);
      if (!booking.open()) {
        return Future.failedFuture(ApiException.conflict("booking_closed"));
      }
      List<UUID> parties = new ArrayList<>(List.of(booking.bookerId()));
      booking.otherParentId().ifPresent(parties::add);
      Future<Void> chain = Bookings.close(tx, booking, "cancelled", now)
        .compose(v -> BookingRepository.cancel(tx, bookingId, "staff", reason, now));
      for (UUID party : parties) {
        chain = chain.compose(v -> NotificationRepository.add(tx, tenant, party,
          NotificationRepository.BOOKING_CANCELLED, bookingId, null, now));
      }
      return chain.compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.booking.cancel",
          booking.bookerId(), bookingId, requestId), now))
        .map(v -> new JsonObject().put("id", bookingId.toString()).put("status", "cancelled"));
    }));
  }

  /**
   * Staff judge that the parents must not meet: from now on every meeting is one parent's own, and a joint meeting
   * still to come becomes the booker's (the other parent gets their own time from "add a meeting").
   */
  Future<JsonObject> separate(Session staff, UUID bookingId, String requestId) {
    String tenant = staff.tenantId();
    Instant now = room.now();
    return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, bookingId).compose(found -> {
      BookingRepository.Booking booking = found.orElseThrow(ApiException::notFound);
      if (booking.otherParentId().isEmpty()) {
        return Future.failedFuture(ApiException.conflict("booking_one_parent"));
      }
      return AppointmentRepository.ofBooking(tx, bookingId).compose(appointments -> {
        Future<Void> chain = booking.separate() ? Future.succeededFuture()
          : BookingRepository.separate(tx, bookingId, "staff", now);
        for (AppointmentRepository.Appointment appointment : appointments) {
          if (appointment.upcoming() && appointment.personId().isEmpty()) {
            chain = chain.compose(v -> AppointmentRepository.assign(tx, appointment.id(), booking.bookerId(), now));
          }
        }
        return chain.compose(v -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.booking.separate",
            booking.bookerId(), bookingId, requestId), now))
          .map(v -> new JsonObject().put("id", bookingId.toString()).put("separate", true));
      });
    }));
  }

  /** The intyg of an informationssamtal the resident attended, as a PDF kept with the booking. */
  Future<JsonObject> intyg(Session staff, UUID bookingId, String requestId) {
    String tenant = staff.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    Instant now = room.now();
    return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, bookingId).compose(found -> {
      BookingRepository.Booking booking = found.orElseThrow(ApiException::notFound);
      FamiljerattRules.Service service = rules.service(booking.service()).filter(FamiljerattRules.Service::intyg)
        .orElseThrow(() -> ApiException.conflict("intyg_not_offered"));
      return AppointmentRepository.ofBooking(tx, bookingId).compose(appointments -> {
        Optional<AppointmentRepository.Appointment> held = appointments.stream()
          .filter(appointment -> "attended".equals(appointment.status())).reduce((first, second) -> second);
        if (held.isEmpty()) {
          return Future.failedFuture(ApiException.conflict("intyg_needs_attendance"));
        }
        return new PersonRepository(tx).find(booking.bookerId()).compose(person -> room.pdf(Intyg.content(
            service, person.orElseThrow(), held.get().start(), staff.displayName(), room.tenant(tenant), now)))
          .compose(pdf -> DocumentRepository.insert(tx, tenant, "intyg", booking.bookerId(), Optional.of(bookingId),
            Optional.empty(), pdf, Optional.of(staff.staffMemberId()), now))
          .compose(id -> AuditLog.record(tx, AuditEntry.by(staff, "familjeratt.intyg.create", booking.bookerId(),
            bookingId, requestId), now).map(v -> new JsonObject().put("id", id.toString())));
      });
    }));
  }

  private Future<AppointmentRepository.Appointment> upcoming(SqlConnection tx, String tenant, UUID id) {
    return AppointmentRepository.lock(tx, tenant, id).map(found -> {
      AppointmentRepository.Appointment appointment = found.orElseThrow(ApiException::notFound);
      if (!appointment.upcoming()) {
        throw ApiException.conflict("meeting_not_confirmed");
      }
      return appointment;
    });
  }

}
