package se.socialportal.familjeratt;

import io.vertx.core.Future;

import java.time.Instant;
import java.time.LocalDate;

/** The day before a confirmed meeting, everyone taking part gets a reminder (once, whichever server runs first). */
final class Reminders {

  private final Room room;

  Reminders(Room room) {
    this.room = room;
  }

  /** Creates the reminders for tomorrow's meetings; the number of meetings reminded. */
  Future<Integer> run() {
    Instant now = room.now();
    LocalDate tomorrow = room.today().plusDays(1);
    Instant from = tomorrow.atStartOfDay(Calendar.ZONE).toInstant();
    Instant to = tomorrow.plusDays(1).atStartOfDay(Calendar.ZONE).toInstant();
    return room.pool().withTransaction(tx -> AppointmentRepository.dueReminders(tx, from, to).compose(due -> {
      Future<Void> chain = Future.succeededFuture();
      for (AppointmentRepository.Due appointment : due) {
        for (var person : appointment.people()) {
          chain = chain.compose(v -> NotificationRepository.add(tx, appointment.tenantId(), person,
            NotificationRepository.REMINDER, appointment.bookingId(), appointment.id(), now));
        }
        chain = chain.compose(v -> AppointmentRepository.reminded(tx, appointment.id(), now));
      }
      return chain.map(due.size());
    }));
  }
}
