package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.bankid.SignCompletion;
import se.socialportal.identity.bankid.SignSubject;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The other parent's confirmation of a two-parent booking: they name their contact details (and, with separate
 * meetings, choose their own time, which is then held for them), and confirm with BankID. The signature completes in
 * the BankID order's transaction: the evidence, the confirmed meetings and the messages to both parents are stored
 * together or not at all. Unconfirmed bookings are released when their deadline passes.
 */
final class Confirmations implements SignCompletion {

  /** The kind of BankID sign subject a booking's confirmation is; the reference is the booking's id. */
  static final String SUBJECT_KIND = "familjeratt";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH.mm",
    Locale.forLanguageTag("sv-SE")).withZone(Calendar.ZONE);

  private final Room room;
  private final Bookings bookings;
  private final BookingViews views;
  private final BankIdOrders orders;

  Confirmations(Room room, Bookings bookings, BookingViews views, BankIdOrders orders) {
    this.room = room;
    this.bookings = bookings;
    this.views = views;
    this.orders = orders;
  }

  /** Completed signatures on {@value #SUBJECT_KIND} subjects come here (once per process). */
  void register() {
    orders.onSignComplete(SUBJECT_KIND, this);
  }

  /** Before BankID: the other parent's contact details, and with separate meetings their own time, held for them. */
  Future<JsonObject> prepare(Session session, UUID id, JsonObject body) {
    String tenant = session.tenantId();
    UUID me = session.residentId();
    FamiljerattRules rules = room.familjeratt(tenant);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    ContactRepository.Contact contact = BookingRequest.contact(body, problems);
    Optional<Instant> start = body.getValue("start") == null ? Optional.empty()
      : Optional.ofNullable(BookingRequest.instant(body.getValue("start"), "start", problems));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Instant now = room.now();
    return awaiting(session, id, now).compose(seen -> {
      FamiljerattRules.Service service = rules.service(seen.service()).orElseThrow(ApiException::notFound);
      Calendar.Search base = bookings.window(tenant, rules, service, seen.interpreterLanguage().isPresent(),
        seen.expectedBirth(), now);
      if (seen.separate() && start.isEmpty()) {
        throw ApiException.invalid("start", "time_invalid");
      }
      return room.pool().withTransaction(tx -> BookingRepository.lock(tx, tenant, id).compose(locked -> {
        BookingRepository.Booking booking = usable(locked, me, now);
        Future<Void> saved = ContactRepository.save(tx, tenant, me, contact, now);
        if (!booking.separate()) {
          return saved;
        }
        return saved.compose(v -> AppointmentRepository.ofBooking(tx, id)).compose(appointments -> {
          Calendar.Search search = base.apartFrom(Bookings.keepAway(booking, appointments, Optional.of(me)),
            rules.booking().separation());
          Future<Void> released = Future.succeededFuture();
          for (AppointmentRepository.Appointment earlier : appointments) {
            if (earlier.upcoming() && earlier.personId().map(me::equals).orElse(false)) {
              released = released.compose(v -> AppointmentRepository.setStatus(tx, earlier.id(), "released", now));
            }
          }
          return released.compose(v -> Calendar.at(room.hours(), tx, search, start.get())).compose(free -> free.isEmpty()
            ? Future.failedFuture(new TimeTaken(List.of()))
            : AppointmentRepository.insert(tx, new AppointmentRepository.New(tenant, id, free.get().staffId(),
              Optional.of(me), "first", free.get().start(), free.get().end(), "held", placeOf(appointments),
              Optional.ofNullable(free.get().office()), Bookings.meetingLink(rules, placeOf(appointments)),
              booking.interpreterLanguage()), now).mapEmpty());
        });
      })).recover(failure -> bookings.taken(failure, base, start.orElse(now)));
    }).compose(v -> views.view(session, id));
  }

  /**
   * Starts the BankID signature that confirms the booking; only the named other parent can complete it. The route
   * hands the order's binding to the browser.
   */
  Future<BankIdOrders.Started> startSign(BankIdOrders.Caller caller, boolean sameDevice, Session session, UUID id) {
    UUID me = session.residentId();
    Instant now = room.now();
    return awaiting(session, id, now).compose(booking -> AppointmentRepository.ofBooking(room.pool(), id)
      .compose(appointments -> {
        List<AppointmentRepository.Appointment> mine = appointments.stream()
          .filter(appointment -> appointment.upcoming() && appointment.attendedBy(me)).toList();
        if (mine.isEmpty()) {
          return Future.failedFuture(ApiException.conflict("own_time_required"));
        }
        String label = room.familjeratt(booking.tenantId()).service(booking.service())
          .map(service -> service.label("sv")).orElse(booking.service());
        String text = "# " + label + "\n\nJag vill delta och bekräftar bokningen.\n\nTid: " + WHEN.format(mine.get(0).start());
        return orders.startSign(caller, sameDevice, booking.tenantId(), me, new SignSubject(SUBJECT_KIND,
          id.toString()), text);
      }))
      .recover(failure -> Future.failedFuture(translate(failure)));
  }

  private Future<BookingRepository.Booking> awaiting(Session session, UUID id, Instant now) {
    return BookingRepository.find(room.pool(), session.tenantId(), id)
      .map(found -> usable(found, session.residentId(), now));
  }

  /** The booking if this person is its other parent and it still waits for them; 404 or 409 otherwise. */
  private static BookingRepository.Booking usable(Optional<BookingRepository.Booking> found, UUID me, Instant now) {
    BookingRepository.Booking booking = found.filter(row -> row.isOtherParent(me)).orElseThrow(ApiException::notFound);
    if (!"awaiting_confirmation".equals(booking.status())
      || booking.confirmDeadline().map(deadline -> !deadline.isAfter(now)).orElse(true)) {
      throw ApiException.conflict("booking_not_awaiting");
    }
    return booking;
  }

  private static String placeOf(List<AppointmentRepository.Appointment> appointments) {
    return appointments.stream().findFirst().map(AppointmentRepository.Appointment::place).orElse("office");
  }

  /** In the BankID order's transaction, exactly once per completed signature. */
  @Override
  public Future<Result> complete(SqlConnection tx, CompletedSignature signature) {
    UUID id = UUID.fromString(signature.subject().reference());
    Instant now = signature.completedAt();
    return BookingRepository.lock(tx, signature.tenantId(), id).compose(found -> {
      Optional<BookingRepository.Booking> booking = found.filter(row -> row.isOtherParent(signature.personId()));
      if (booking.isEmpty() || !"awaiting_confirmation".equals(booking.get().status())
        || booking.get().confirmDeadline().map(deadline -> !deadline.isAfter(now)).orElse(true)) {
        return Future.succeededFuture(outcome(id, "refused", "booking_not_awaiting"));
      }
      return AppointmentRepository.ofBooking(tx, id).compose(appointments -> {
        if (appointments.stream().noneMatch(appointment -> "held".equals(appointment.status())
          && appointment.attendedBy(signature.personId()))) {
          return Future.succeededFuture(outcome(id, "refused", "own_time_required"));
        }
        BookingRepository.Booking confirmed = booking.get();
        return BookingRepository.confirmation(tx, new BookingRepository.Confirmation(id, signature.personId(),
            signature.orderId(), signature.orderRef(), signature.signature(), signature.ocspResponse(),
            signature.userVisibleData(), now))
          .compose(v -> AppointmentRepository.setStatus(tx, id, List.of("held"), "confirmed", now))
          .compose(v -> BookingRepository.confirmed(tx, id, now))
          .compose(v -> NotificationRepository.add(tx, confirmed.tenantId(), confirmed.bookerId(),
            NotificationRepository.BOOKING_CONFIRMED, id, null, now))
          .compose(v -> NotificationRepository.add(tx, confirmed.tenantId(), signature.personId(),
            NotificationRepository.BOOKING_CONFIRMED, id, null, now))
          .map(v -> outcome(id, "confirmed", null));
      });
    });
  }

  /** Where the browser goes (the booking's page) and what became of the confirmation. */
  private static Result outcome(UUID id, String outcome, String reason) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("bookingId", id.toString());
    details.put("outcome", outcome);
    if (reason != null) {
      details.put("reason", reason);
    }
    return new Result(Optional.of("/familjeratt/bokning/?id=" + id), details);
  }

  /** Releases bookings the other parent did not confirm in time; the booker is told. One transaction each. */
  Future<Integer> releaseExpired() {
    Instant now = room.now();
    return BookingRepository.expired(room.pool(), now).compose(due -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Tuple item : due) {
        chain = chain.compose(count -> room.pool().withTransaction(tx -> BookingRepository.lock(tx,
            item.getString(1), item.getUUID(0)).compose(found -> {
            if (found.isEmpty() || !"awaiting_confirmation".equals(found.get().status())
              || found.get().confirmDeadline().map(deadline -> deadline.isAfter(now)).orElse(true)) {
              return Future.succeededFuture(count);
            }
            BookingRepository.Booking booking = found.get();
            return Bookings.close(tx, booking, "released", now)
              .compose(v -> BookingRepository.status(tx, booking.id(), "released", now))
              .compose(v -> NotificationRepository.add(tx, booking.tenantId(), booking.bookerId(),
                NotificationRepository.BOOKING_RELEASED, booking.id(), null, now))
              .map(count + 1);
          })));
      }
      return chain;
    });
  }

  /** BankID's refusals as this API's errors: one order at a time per person; anything else "try again later". */
  private static Throwable translate(Throwable failure) {
    if (!(failure instanceof BankIdException)) {
      return failure;
    }
    return ((BankIdException) failure).errorCode() == ErrorCode.ALREADY_IN_PROGRESS
      ? ApiException.conflict("bankid_already_in_progress") : ApiException.of(503, "bankid_unavailable");
  }

}
