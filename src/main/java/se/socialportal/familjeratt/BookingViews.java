package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a resident sees of their bookings. A parent sees their own meetings only — with separate meetings never the
 * other parent's time — and of the other parent at most the name, never contact details or an address, and not even
 * the name when that parent has protected personal details.
 */
final class BookingViews {

  private final Room room;

  BookingViews(Room room) {
    this.room = room;
  }

  /** Every booking the resident is a party to, and Skatteverket notifications that invite them to book. */
  Future<JsonObject> list(Session session) {
    String tenant = session.tenantId();
    UUID me = session.residentId();
    if (room.familjerattIfOffered(tenant).isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("offered", false).put("bookings", new JsonArray())
        .put("invitations", new JsonArray()));
    }
    return BookingRepository.ofPerson(room.pool(), tenant, me).compose(bookings ->
      AppointmentRepository.ofBookings(room.pool(), bookings.stream().map(BookingRepository.Booking::id).toList())
        .compose(appointments -> {
          Future<JsonArray> views = Future.succeededFuture(new JsonArray());
          for (BookingRepository.Booking booking : bookings) {
            List<AppointmentRepository.Appointment> own = appointments.stream()
              .filter(appointment -> appointment.bookingId().equals(booking.id())).toList();
            views = views.compose(array -> describe(room.pool(), me, booking, own, List.of()).map(array::add));
          }
          return views;
        }))
      .compose(views -> NoticeRepository.openFor(room.pool(), tenant, me).map(notices -> {
        JsonArray invitations = new JsonArray();
        String service = room.familjeratt(tenant).paternity().map(FamiljerattRules.Paternity::service).orElse(null);
        notices.forEach(notice -> invitations.add(new JsonObject().put("notice", notice.id().toString())
          .put("service", service).put("childBirthDate", notice.childBirthDate().toString())));
        return new JsonObject().put("offered", true).put("bookings", views).put("invitations", invitations);
      }));
  }

  Future<JsonObject> view(Session session, UUID id) {
    UUID me = session.residentId();
    return own(room.pool(), session, id).compose(booking -> AppointmentRepository.ofBooking(room.pool(), id)
      .compose(appointments -> DocumentRepository.ofBooking(room.pool(), id)
        .compose(documents -> describe(room.pool(), me, booking, appointments,
          documents.stream().filter(document -> document.personId().equals(me)).toList()))));
  }

  /** The booking if the resident is a party to it; otherwise 404, as if it did not exist. */
  static Future<BookingRepository.Booking> own(SqlClient client, Session session, UUID id) {
    return BookingRepository.find(client, session.tenantId(), id)
      .map(found -> found.filter(booking -> booking.isParty(session.residentId())).orElseThrow(ApiException::notFound));
  }

  private Future<JsonObject> describe(SqlClient client, UUID me, BookingRepository.Booking booking,
                                      List<AppointmentRepository.Appointment> appointments,
                                      List<DocumentRepository.Document> documents) {
    Optional<UUID> otherId = booking.otherThan(me);
    Future<Optional<PersonRepository.Person>> other = otherId.isEmpty() ? Future.succeededFuture(Optional.empty())
      : new PersonRepository(client).find(otherId.get());
    return other.map(otherParty -> {
      Instant now = room.now();
      Optional<FamiljerattRules> rules = room.familjerattIfOffered(booking.tenantId());
      Optional<FamiljerattRules.Service> service = rules.flatMap(found -> found.service(booking.service()));
      boolean booker = booking.bookerId().equals(me);
      List<AppointmentRepository.Appointment> mine = appointments.stream()
        .filter(appointment -> appointment.attendedBy(me)).toList();
      JsonArray meetings = new JsonArray();
      mine.stream().filter(appointment -> appointment.upcoming() || "attended".equals(appointment.status())
          || "no_show".equals(appointment.status()))
        .forEach(appointment -> meetings.add(meeting(appointment)));
      boolean awaiting = "awaiting_confirmation".equals(booking.status());
      boolean changeable = booking.open() && rules.map(found -> mine.stream().filter(
        AppointmentRepository.Appointment::upcoming).allMatch(appointment ->
        now.plus(found.booking().cancelCutoff()).isBefore(appointment.start()))).orElse(false);
      JsonObject json = new JsonObject()
        .put("id", booking.id().toString())
        .put("service", booking.service())
        .put("serviceLabel", service.map(found -> new JsonObject().put("sv", found.label("sv"))
          .put("en", found.label("en"))).orElse(null))
        .put("status", booking.status())
        .put("role", booker ? "booker" : "other")
        .put("separate", booking.separate())
        .put("meetings", meetings)
        .put("cancelReason", "staff".equals(booking.cancelledBy().orElse(null)) ? booking.cancelReason().orElse(null)
          : null)
        .put("documents", new JsonArray(documents.stream().map(document -> new JsonObject()
          .put("id", document.id().toString()).put("kind", document.kind())).toList()));
      if (otherId.isPresent()) {
        // The name only: never contact details, never an address; nothing at all of a protected parent.
        json.put("otherParent", new JsonObject().put("name", otherParty.filter(person -> !person.isProtected())
          .map(PersonRepository.Person::displayName).filter(name -> !name.isBlank()).orElse(null)));
      }
      booking.confirmDeadline().filter(deadline -> awaiting).ifPresent(deadline ->
        json.put("confirmDeadline", deadline.toString()));
      boolean needsOwnTime = awaiting && !booker && booking.separate()
        && mine.stream().noneMatch(AppointmentRepository.Appointment::upcoming);
      json.put("actions", new JsonObject()
        .put("confirm", awaiting && !booker)
        .put("chooseOwnTime", needsOwnTime)
        .put("decline", awaiting && !booker)
        .put("cancel", changeable && (booker || !awaiting))
        .put("move", changeable && !mine.stream().noneMatch(AppointmentRepository.Appointment::upcoming)
          && (booker || !awaiting))
        .put("calendar", mine.stream().anyMatch(AppointmentRepository.Appointment::upcoming)));
      return json;
    });
  }

  static JsonObject meeting(AppointmentRepository.Appointment appointment) {
    return new JsonObject()
      .put("id", appointment.id().toString())
      .put("kind", appointment.kind())
      .put("start", appointment.start().toString())
      .put("end", appointment.end().toString())
      .put("status", appointment.status())
      .put("place", appointment.place())
      .put("office", appointment.office().filter(office -> "office".equals(appointment.place())).orElse(null))
      .put("meetingLink", appointment.meetingLink().orElse(null))
      .put("interpreter", appointment.interpreterLanguage().orElse(null));
  }

  /** The resident's own upcoming meetings in the booking as an iCalendar file. */
  Future<String> calendar(Session session, UUID id) {
    UUID me = session.residentId();
    return own(room.pool(), session, id).compose(booking -> AppointmentRepository.ofBooking(room.pool(), id)
      .map(appointments -> {
        String label = room.familjerattIfOffered(booking.tenantId()).flatMap(rules -> rules.service(booking.service()))
          .map(service -> service.label("sv")).orElse(booking.service());
        String organizer = room.tenant(booking.tenantId()).map(details -> "Familjerätten, " + details.name())
          .orElse("Familjerätten");
        List<IcsCalendar.Event> events = new ArrayList<>();
        appointments.stream().filter(appointment -> appointment.upcoming() && appointment.attendedBy(me))
          .forEach(appointment -> events.add(IcsCalendar.event(appointment, label, organizer, true)));
        if (events.isEmpty()) {
          throw ApiException.notFound();
        }
        return IcsCalendar.write(events, room.now());
      }));
  }

  /** A document (the intyg) written for this resident in their booking. */
  Future<Buffer> document(Session session, UUID id, UUID documentId) {
    UUID me = session.residentId();
    return own(room.pool(), session, id).compose(booking -> DocumentRepository.ofBooking(room.pool(), id))
      .compose(documents -> {
        boolean mine = documents.stream().anyMatch(document -> document.id().equals(documentId)
          && document.personId().equals(me));
        return mine ? DocumentRepository.pdf(room.pool(), session.tenantId(), documentId)
          .map(found -> found.orElseThrow(ApiException::notFound)) : Future.failedFuture(ApiException.notFound());
      });
  }
}
