package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the familjerättssekreterare reads: the calendar per person and unit, a booking with both parties, documents.
 * Staff see names and personnummer; every person shown is written to the audit log in the same request.
 */
final class StaffViews {

  private final Room room;

  StaffViews(Room room) {
    this.room = room;
  }

  /** A person as staff see them. */
  static JsonObject person(Optional<PersonRepository.Person> found) {
    return found.map(person -> new JsonObject().put("id", person.id().toString()).put("name", person.displayName())
      .put("personnummer", person.personnummer().value().substring(0, 8) + "-" + person.personnummer().value().substring(8))
      .put("protected", person.isProtected())).orElse(null);
  }

  /** The calendar from {@code from} for {@code days} days, for one staff member, one unit, or everyone. */
  Future<JsonObject> calendar(Session staff, LocalDate from, int days, Optional<UUID> staffId, Optional<String> unit,
                              String requestId) {
    String tenant = staff.tenantId();
    Instant start = from.atStartOfDay(Calendar.ZONE).toInstant();
    Instant end = from.plusDays(days).atStartOfDay(Calendar.ZONE).toInstant();
    return ScheduleRepository.active(room.pool(), tenant, from).compose(schedules -> {
      Set<UUID> shown = new HashSet<>();
      Map<UUID, String> names = new LinkedHashMap<>();
      Map<UUID, Set<String>> units = new HashMap<>();
      Set<String> allUnits = new TreeSet<>();
      for (ScheduleRepository.Entry entry : schedules) {
        names.put(entry.staffId(), entry.staffName());
        units.computeIfAbsent(entry.staffId(), id -> new TreeSet<>()).add(entry.hours().unit());
        allUnits.add(entry.hours().unit());
        if (staffId.map(entry.staffId()::equals).orElse(true) && unit.map(entry.hours().unit()::equals).orElse(true)) {
          shown.add(entry.staffId());
        }
      }
      staffId.ifPresent(shown::add);
      return ScheduleRepository.exceptions(room.pool(), tenant, start, end).compose(closures ->
        AppointmentRepository.calendar(room.pool(), tenant, start, end).compose(appointments -> {
          List<AppointmentRepository.Appointment> visible = appointments.stream()
            .filter(appointment -> shown.contains(appointment.staffId())).toList();
          return BookingRepository.byIds(room.pool(), tenant, visible.stream()
              .map(AppointmentRepository.Appointment::bookingId).distinct().toList())
            .compose(bookings -> people(bookings).compose(persons -> {
              Map<UUID, BookingRepository.Booking> byId = new HashMap<>();
              bookings.forEach(booking -> byId.put(booking.id(), booking));
              JsonArray items = new JsonArray();
              List<AuditEntry> audit = new ArrayList<>();
              for (AppointmentRepository.Appointment appointment : visible) {
                BookingRepository.Booking booking = byId.get(appointment.bookingId());
                JsonArray parties = new JsonArray();
                for (UUID party : attendees(booking, appointment)) {
                  parties.add(person(Optional.ofNullable(persons.get(party))));
                  audit.add(AuditEntry.by(staff, "familjeratt.calendar.read", party, booking.id(), requestId));
                }
                items.add(BookingViews.meeting(appointment).put("bookingId", booking.id().toString())
                  .put("service", booking.service()).put("serviceLabel", label(tenant, booking.service()))
                  .put("bookingStatus", booking.status()).put("separate", booking.separate())
                  .put("staffId", appointment.staffId().toString())
                  .put("staffName", names.getOrDefault(appointment.staffId(), "")).put("parties", parties));
              }
              JsonArray hours = new JsonArray();
              schedules.stream().filter(entry -> shown.contains(entry.staffId())).forEach(entry -> hours.add(
                new JsonObject().put("id", entry.id().toString()).put("staffId", entry.staffId().toString())
                  .put("staffName", entry.staffName()).put("unit", entry.hours().unit())
                  .put("weekday", entry.hours().weekday().getValue()).put("start", entry.hours().start().toString())
                  .put("end", entry.hours().end().toString()).put("validFrom", entry.hours().validFrom().toString())
                  .put("validTo", entry.hours().validTo().map(LocalDate::toString).orElse(null))
                  .put("office", entry.hours().office())));
              JsonArray closed = new JsonArray();
              closures.stream().filter(closure -> closure.staffId().map(shown::contains).orElse(true))
                .forEach(closure -> closed.add(new JsonObject().put("id", closure.id().toString())
                  .put("staffId", closure.staffId().map(UUID::toString).orElse(null))
                  .put("staffName", closure.staffName().orElse(null)).put("start", closure.start().toString())
                  .put("end", closure.end().toString()).put("reason", closure.reason())
                  .put("note", closure.note().orElse(null))));
              JsonArray staffList = new JsonArray();
              names.forEach((id, name) -> staffList.add(new JsonObject().put("id", id.toString()).put("name", name)
                .put("units", new JsonArray(List.copyOf(units.get(id))))));
              return AuditLog.recordAll(room.pool(), audit, room.now()).map(v -> new JsonObject()
                .put("from", from.toString()).put("days", days).put("staff", staffList)
                .put("units", new JsonArray(List.copyOf(allUnits))).put("schedules", hours).put("closures", closed)
                .put("appointments", items));
            }));
        }));
    });
  }

  /** One booking with both parties, their contact details, every meeting and document. */
  Future<JsonObject> booking(Session staff, UUID id, String requestId) {
    String tenant = staff.tenantId();
    return BookingRepository.find(room.pool(), tenant, id).compose(found -> {
      BookingRepository.Booking booking = found.orElseThrow(ApiException::notFound);
      return people(List.of(booking)).compose(persons -> AppointmentRepository.ofBooking(room.pool(), id)
        .compose(appointments -> DocumentRepository.ofBooking(room.pool(), id).compose(documents ->
          contact(tenant, booking.bookerId()).compose(bookerContact -> (booking.otherParentId().isPresent()
              ? contact(tenant, booking.otherParentId().get()) : Future.succeededFuture(new JsonObject()))
            .compose(otherContact -> {
              JsonObject booker = person(Optional.ofNullable(persons.get(booking.bookerId())))
                .put("contact", bookerContact);
              JsonObject other = booking.otherParentId().map(person -> person(Optional.ofNullable(persons.get(person)))
                .put("contact", otherContact)).orElse(null);
              List<AuditEntry> audit = new ArrayList<>();
              audit.add(AuditEntry.by(staff, "familjeratt.booking.read", booking.bookerId(), id, requestId));
              booking.otherParentId().ifPresent(person -> audit.add(AuditEntry.by(staff, "familjeratt.booking.read",
                person, id, requestId)));
              JsonArray meetings = new JsonArray();
              appointments.forEach(appointment -> meetings.add(BookingViews.meeting(appointment)
                .put("personId", appointment.personId().map(UUID::toString).orElse(null))
                .put("staffId", appointment.staffId().toString())));
              FamiljerattRules.Service service = room.familjerattIfOffered(tenant)
                .flatMap(rules -> rules.service(booking.service())).orElse(null);
              return AuditLog.recordAll(room.pool(), audit, room.now()).map(v -> new JsonObject()
                .put("id", id.toString()).put("service", booking.service()).put("serviceLabel", label(tenant,
                  booking.service()))
                .put("series", service == null ? new JsonArray() : new JsonArray(List.copyOf(service.series())))
                .put("intygOffered", service != null && service.intyg())
                .put("status", booking.status()).put("separate", booking.separate())
                .put("separateReason", booking.separateReason().orElse(null))
                .put("interpreter", booking.interpreterLanguage().orElse(null))
                .put("confirmDeadline", booking.confirmDeadline().map(Instant::toString).orElse(null))
                .put("cancelReason", booking.cancelReason().orElse(null))
                .put("booker", booker).put("otherParent", other).put("meetings", meetings)
                .put("documents", new JsonArray(documents.stream().map(document -> new JsonObject()
                  .put("id", document.id().toString()).put("kind", document.kind())
                  .put("createdAt", document.createdAt().toString())).toList())));
            })))));
    });
  }

  /** A document (intyg or letter) of the tenant, its reading logged. */
  Future<Buffer> document(Session staff, UUID id, String requestId) {
    return DocumentRepository.pdf(room.pool(), staff.tenantId(), id).compose(found -> {
      Buffer pdf = found.orElseThrow(ApiException::notFound);
      return AuditLog.record(room.pool(), AuditEntry.by(staff, "familjeratt.document.read", null, id, requestId),
        room.now()).map(pdf);
    });
  }

  private Future<JsonObject> contact(String tenant, UUID person) {
    return ContactRepository.find(room.pool(), tenant, person).map(contact -> new JsonObject()
      .put("email", contact.email().orElse(null)).put("phone", contact.phone().orElse(null)));
  }

  private JsonObject label(String tenant, String service) {
    return room.familjerattIfOffered(tenant).flatMap(rules -> rules.service(service))
      .map(found -> new JsonObject().put("sv", found.label("sv")).put("en", found.label("en"))).orElse(null);
  }

  private static List<UUID> attendees(BookingRepository.Booking booking, AppointmentRepository.Appointment appointment) {
    if (appointment.personId().isPresent()) {
      return List.of(appointment.personId().get());
    }
    List<UUID> people = new ArrayList<>(List.of(booking.bookerId()));
    booking.otherParentId().ifPresent(people::add);
    return people;
  }

  private Future<Map<UUID, PersonRepository.Person>> people(List<BookingRepository.Booking> bookings) {
    Set<UUID> ids = new HashSet<>();
    bookings.forEach(booking -> {
      ids.add(booking.bookerId());
      booking.otherParentId().ifPresent(ids::add);
    });
    Map<UUID, PersonRepository.Person> found = new HashMap<>();
    PersonRepository persons = new PersonRepository(room.pool());
    Future<Void> chain = Future.succeededFuture();
    for (UUID id : ids) {
      chain = chain.compose(v -> persons.find(id).map(person -> {
        person.ifPresent(value -> found.put(id, value));
        return (Void) null;
      }));
    }
    return chain.map(found);
  }
}
