package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.familjeratt.notify.Mail;
import se.socialportal.familjeratt.notify.MailTransport;
import se.socialportal.familjeratt.notify.SmsGateway;
import se.socialportal.identity.PersonRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the outbox: each message in its own transaction, its row locked (SKIP LOCKED) so servers never send one
 * twice, marked sent in the same transaction. A message goes by e-mail and SMS as far as the resident gave an address
 * and a number; without either it is on Mina sidor only. A confirmation's e-mail carries the meeting as an .ics file,
 * with the place only for a resident without protected personal details.
 */
final class NotificationSender {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
  private static final int BATCH = 200;

  private final Room room;
  private final MailTransport mail;
  private final SmsGateway sms;
  private final String origin;

  NotificationSender(Room room, MailTransport mail, SmsGateway sms, String origin) {
    this.room = room;
    this.mail = mail;
    this.sms = sms;
    this.origin = origin;
  }

  /** Sends what is pending (at most a batch); the number sent. */
  Future<Integer> dispatch() {
    return next(0);
  }

  private Future<Integer> next(int sent) {
    if (sent >= BATCH) {
      return Future.succeededFuture(sent);
    }
    AtomicLong current = new AtomicLong(-1);
    return room.pool().withTransaction(tx -> NotificationRepository.next(tx).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(false);
      }
      current.set(found.get().id());
      return deliver(tx, found.get()).map(true);
    })).compose(more -> more ? next(sent + 1) : Future.succeededFuture(sent), failure -> {
      LOG.warn("A familjerätt message could not be sent and is tried again later: {}", failure.toString());
      return current.get() < 0 ? Future.succeededFuture(sent)
        : NotificationRepository.failed(room.pool(), current.get()).map(sent);
    });
  }

  private Future<Void> deliver(SqlConnection tx, NotificationRepository.Pending pending) {
    Instant now = room.now();
    return ContactRepository.find(tx, pending.tenantId(), pending.personId()).compose(contact -> {
      List<String> channels = NotificationRepository.channels(contact);
      if (channels.isEmpty()) {
        return NotificationRepository.sent(tx, pending.id(), channels, now);
      }
      return compose(tx, pending).compose(message -> {
        Future<Void> sending = Future.succeededFuture();
        if (contact.email().isPresent()) {
          sending = sending.compose(v -> mail.send(new Mail(contact.email().get(), message.text().subject(),
            message.text().body(), message.calendar())));
        }
        if (contact.phone().isPresent()) {
          sending = sending.compose(v -> sms.send(contact.phone().get(), message.text().sms()));
        }
        return sending.compose(v -> NotificationRepository.sent(tx, pending.id(), channels, now));
      });
    });
  }

  private record Message(MessageTexts.Text text, Optional<String> calendar) {
  }

  private Future<Message> compose(SqlConnection tx, NotificationRepository.Pending pending) {
    UUID bookingId = pending.bookingId().orElseThrow();
    return BookingRepository.find(tx, pending.tenantId(), bookingId).compose(found -> {
      BookingRepository.Booking booking = found.orElseThrow();
      return AppointmentRepository.ofBooking(tx, bookingId).compose(appointments -> new PersonRepository(tx)
        .find(pending.personId()).map(person -> {
          boolean protectedPerson = person.map(PersonRepository.Person::isProtected).orElse(true);
          String service = room.familjerattIfOffered(booking.tenantId()).flatMap(rules -> rules.service(booking.service()))
            .map(found2 -> found2.label("sv")).orElse(booking.service());
          String municipality = room.tenant(booking.tenantId()).map(details -> details.name()).orElse("");
          List<AppointmentRepository.Appointment> meetings = new ArrayList<>();
          for (AppointmentRepository.Appointment appointment : appointments) {
            boolean named = pending.appointmentId().map(appointment.id()::equals).orElse(true);
            if (named && appointment.upcoming() && appointment.attendedBy(pending.personId())) {
              meetings.add(appointment);
            }
          }
          boolean withTimes = !NotificationRepository.BOOKING_RELEASED.equals(pending.kind())
            && !NotificationRepository.BOOKING_DECLINED.equals(pending.kind())
            && !NotificationRepository.BOOKING_CANCELLED.equals(pending.kind());
          List<Instant> times = withTimes ? meetings.stream().map(AppointmentRepository.Appointment::start).toList()
            : List.of();
          MessageTexts.Text text = MessageTexts.of(pending.kind(), service, times, municipality,
            origin + "/familjeratt/bokning/?id=" + bookingId);
          boolean calendar = withTimes && !meetings.isEmpty()
            && !NotificationRepository.CONFIRMATION_REQUESTED.equals(pending.kind());
          Optional<String> ics = calendar ? Optional.of(IcsCalendar.write(meetings.stream()
            .map(meeting -> IcsCalendar.event(meeting, service, "Familjerätten, " + municipality, !protectedPerson))
            .toList(), room.now())) : Optional.empty();
          return new Message(text, ics);
        }));
    });
  }
}
