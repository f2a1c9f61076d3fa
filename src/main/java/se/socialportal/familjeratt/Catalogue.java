package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** The services a municipality offers and their free times, as the booking page shows them. */
final class Catalogue {

  private final Room room;
  private final Bookings bookings;

  Catalogue(Room room, Bookings bookings) {
    this.room = room;
    this.bookings = bookings;
  }

  JsonObject services(String tenantId) {
    FamiljerattRules rules = room.familjeratt(tenantId);
    JsonArray services = new JsonArray();
    for (FamiljerattRules.Service service : rules.services()) {
      services.add(new JsonObject().put("id", service.id())
        .put("label", new JsonObject().put("sv", service.label("sv")).put("en", service.label("en")))
        .put("description", new JsonObject().put("sv", service.description("sv")).put("en", service.description("en")))
        .put("minutes", service.length().toMinutes()).put("bothParents", service.bothParents())
        .put("place", service.place().name().toLowerCase(java.util.Locale.ROOT))
        .put("interpreterMinutes", service.interpreterTime().toMinutes()).put("legalBasis", service.legalBasis()));
    }
    JsonObject json = new JsonObject().put("services", services)
      .put("horizonWeeks", rules.booking().horizonWeeks())
      .put("confirmHours", rules.booking().confirmWithin().toHours())
      .put("cancelCutoffHours", rules.booking().cancelCutoff().toHours());
    rules.paternity().ifPresent(paternity -> json.put("paternity", new JsonObject().put("service", paternity.service())
      .put("bookBeforeBirthFromWeek", paternity.bookBeforeBirthFromWeek().orElse(null))));
    return json;
  }

  /**
   * Free times for a service over the booking horizon. With {@code booking}, for a party of it: times for their own
   * meeting, kept apart from the other parent's when the parents meet separately.
   */
  Future<JsonObject> times(Session session, String serviceId, boolean interpreter, Optional<String> bookingParam,
                           Optional<String> expectedBirthParam) {
    String tenant = session.tenantId();
    FamiljerattRules rules = room.familjeratt(tenant);
    FamiljerattRules.Service service = rules.service(serviceId)
      .orElseThrow(() -> ApiException.invalid("service", "service_unknown"));
    Optional<LocalDate> expectedBirth;
    try {
      expectedBirth = expectedBirthParam.map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("expectedBirth", "expected_birth_invalid");
    }
    Instant now = room.now();
    Optional<UUID> bookingId = bookingParam.map(value -> {
      try {
        return UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw ApiException.notFound();
      }
    });
    if (bookingId.isEmpty()) {
      Calendar.Search search = bookings.window(tenant, rules, service, interpreter, expectedBirth, now);
      return free(search);
    }
    return BookingViews.own(room.pool(), session, bookingId.get()).compose(booking ->
      AppointmentRepository.ofBooking(room.pool(), booking.id()).compose(appointments -> {
        UUID me = session.residentId();
        Optional<AppointmentRepository.Appointment> mine = appointments.stream()
          .filter(appointment -> appointment.upcoming() && appointment.attendedBy(me)).findFirst();
        Calendar.Search base = bookings.window(tenant, rules, service, booking.interpreterLanguage().isPresent(),
          booking.expectedBirth(), now);
        Duration length = mine.map(appointment -> Duration.between(appointment.start(), appointment.end()))
          .orElse(base.request().length());
        Optional<UUID> person = booking.separate() ? Optional.of(me) : Optional.empty();
        return free(new Calendar.Search(tenant, new FreeTimes.Request(length, base.request().step(),
          base.request().from(), base.request().to()), Bookings.keepAway(booking, appointments, person),
          rules.booking().separation(), java.util.Set.of()));
      }));
  }

  private Future<JsonObject> free(Calendar.Search search) {
    return Calendar.candidates(room.hours(), room.pool(), search).map(found -> new JsonObject()
      .put("from", search.request().from().toString()).put("to", search.request().to().toString())
      .put("times", new JsonArray(FreeTimes.starts(found, 2000).stream().map(Instant::toString).toList())));
  }
}
