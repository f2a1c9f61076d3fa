package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for {@code fr_notification}, the outbox of e-mail and SMS to residents. A notification is written in the
 * transaction that caused it, so it exists exactly when its cause does; the sender delivers it afterwards.
 */
final class NotificationRepository {

  /** Kinds of message; {@link MessageTexts} has their words. */
  static final String CONFIRMATION_REQUESTED = "confirmation_requested";
  static final String BOOKING_CONFIRMED = "booking_confirmed";
  static final String BOOKING_RELEASED = "booking_released";
  static final String BOOKING_DECLINED = "booking_declined";
  static final String BOOKING_CANCELLED = "booking_cancelled";
  static final String APPOINTMENT_MOVED = "appointment_moved";
  static final String APPOINTMENT_BOOKED = "appointment_booked";
  static final String REMINDER = "reminder";

  /** A message waiting to go out. */
  record Pending(long id, String tenantId, UUID personId, String kind, Optional<UUID> bookingId,
                 Optional<UUID> appointmentId) {
  }

  private static final String INSERT = "INSERT INTO fr_notification (tenant_id, person_id, kind, booking_id, "
    + "appointment_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)";
  private static final String NEXT = "SELECT id, tenant_id, person_id, kind, booking_id, appointment_id "
    + "FROM fr_notification WHERE sent_at IS NULL AND attempts < 10 ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
  private static final String SENT = "UPDATE fr_notification SET sent_at = $2, channels = $3, attempts = attempts + 1 "
    + "WHERE id = $1";
  private static final String FAILED = "UPDATE fr_notification SET attempts = attempts + 1 WHERE id = $1";

  private NotificationRepository() {
  }

  static Future<Void> add(SqlClient tx, String tenantId, UUID personId, String kind, UUID bookingId,
                          UUID appointmentId, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, personId, kind, bookingId, appointmentId, Sql.utc(now)))
      .mapEmpty();
  }

  /** The oldest pending message, locked for this transaction (another server takes the next one). */
  static Future<Optional<Pending>> next(SqlClient tx) {
    return tx.preparedQuery(NEXT).execute().map(rows -> Sql.first(rows, NotificationRepository::map));
  }

  static Future<Void> sent(SqlClient tx, long id, List<String> channels, Instant now) {
    return tx.preparedQuery(SENT).execute(Tuple.of(id, Sql.utc(now), channels.toArray(new String[0]))).mapEmpty();
  }

  static Future<Void> failed(SqlClient client, long id) {
    return client.preparedQuery(FAILED).execute(Tuple.of(id)).mapEmpty();
  }

  private static Pending map(Row row) {
    return new Pending(row.getLong("id"), row.getString("tenant_id"), row.getUUID("person_id"), row.getString("kind"),
      Optional.ofNullable(row.getUUID("booking_id")), Optional.ofNullable(row.getUUID("appointment_id")));
  }

  static List<String> channels(ContactRepository.Contact contact) {
    List<String> channels = new ArrayList<>();
    contact.email().ifPresent(email -> channels.add("email"));
    contact.phone().ifPresent(phone -> channels.add("sms"));
    return channels;
  }
}
