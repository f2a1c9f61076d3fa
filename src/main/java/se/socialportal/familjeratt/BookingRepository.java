package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code fr_booking} and the other parent's BankID confirmation in {@code fr_confirmation}. */
final class BookingRepository {

  /** A booking as stored. */
  record Booking(UUID id, String tenantId, String service, String rulesVersion, String status, UUID bookerId,
                 Optional<UUID> otherParentId, boolean separate, Optional<String> separateReason,
                 Optional<String> interpreterLanguage, Optional<Instant> confirmDeadline, Optional<UUID> noticeId,
                 Optional<LocalDate> expectedBirth, Optional<UUID> createdByStaff, Optional<String> cancelReason,
                 Optional<String> cancelledBy, Instant createdAt) {

    boolean isParty(UUID person) {
      return bookerId.equals(person) || otherParentId.map(person::equals).orElse(false);
    }

    boolean isOtherParent(UUID person) {
      return otherParentId.map(person::equals).orElse(false);
    }

    /** The party who is not {@code person}. */
    Optional<UUID> otherThan(UUID person) {
      return bookerId.equals(person) ? otherParentId : Optional.of(bookerId);
    }

    boolean open() {
      return "awaiting_confirmation".equals(status) || "confirmed".equals(status);
    }
  }

  /** A new booking. */
  record New(String tenantId, String service, String rulesVersion, String status, UUID bookerId,
             Optional<UUID> otherParentId, Optional<String> separateReason, Optional<String> interpreterLanguage,
             Optional<Instant> confirmDeadline, Optional<UUID> noticeId, Optional<LocalDate> expectedBirth,
             Optional<UUID> createdByStaff) {
  }

  private static final String COLUMNS = "id, tenant_id, service, rules_version, status, booker_id, other_parent_id, "
    + "separate, separate_reason, interpreter_language, confirm_deadline, notice_id, expected_birth, created_by_staff, "
    + "cancel_reason, cancelled_by, created_at";
  private static final String INSERT = "INSERT INTO fr_booking (tenant_id, service, rules_version, status, booker_id, "
    + "other_parent_id, separate, separate_reason, interpreter_language, confirm_deadline, notice_id, expected_birth, "
    + "created_by_staff, created_at, updated_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id";
  private static final String FIND = "SELECT " + COLUMNS + " FROM fr_booking WHERE id = $1 AND tenant_id = $2";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String OF_PERSON = "SELECT " + COLUMNS + " FROM fr_booking WHERE tenant_id = $1 "
    + "AND (booker_id = $2 OR other_parent_id = $2) ORDER BY created_at DESC LIMIT 100";
  private static final String BY_IDS = "SELECT " + COLUMNS + " FROM fr_booking WHERE tenant_id = $1 AND id = ANY($2)";
  private static final String STATUS = "UPDATE fr_booking SET status = $2, updated_at = $3 WHERE id = $1";
  private static final String CONFIRMED = "UPDATE fr_booking SET status = 'confirmed', confirm_deadline = NULL, "
    + "updated_at = $2 WHERE id = $1";
  private static final String CANCEL = "UPDATE fr_booking SET status = 'cancelled', cancelled_by = $2, "
    + "cancel_reason = $3, updated_at = $4 WHERE id = $1";
  private static final String SEPARATE = "UPDATE fr_booking SET separate = true, separate_reason = $2, updated_at = $3 "
    + "WHERE id = $1";
  private static final String EXPIRED = "SELECT id, tenant_id FROM fr_booking WHERE status = 'awaiting_confirmation' "
    + "AND confirm_deadline <= $1 ORDER BY confirm_deadline LIMIT 500";
  private static final String CONFIRMATION = "INSERT INTO fr_confirmation (booking_id, person_id, order_id, order_ref, "
    + "signature, ocsp_response, user_visible_data, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

  private BookingRepository() {
  }

  static Future<UUID> insert(SqlClient tx, New booking, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(booking.tenantId(), booking.service(), booking.rulesVersion(),
        booking.status(), booking.bookerId(), booking.otherParentId().orElse(null))
      .addValue(booking.separateReason().isPresent()).addValue(booking.separateReason().orElse(null))
      .addValue(booking.interpreterLanguage().orElse(null)).addValue(Sql.utc(booking.confirmDeadline().orElse(null)))
      .addValue(booking.noticeId().orElse(null)).addValue(booking.expectedBirth().orElse(null))
      .addValue(booking.createdByStaff().orElse(null)).addValue(Sql.utc(now)))
      .map(rows -> rows.iterator().next().getUUID("id"));
  }

  static Future<Optional<Booking>> find(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id, tenantId)).map(rows -> Sql.first(rows, BookingRepository::map));
  }

  static Future<Optional<Booking>> lock(SqlClient tx, String tenantId, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, tenantId)).map(rows -> Sql.first(rows, BookingRepository::map));
  }

  /** The person's bookings, as booker or as the other parent, newest first. */
  static Future<List<Booking>> ofPerson(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(OF_PERSON).execute(Tuple.of(tenantId, personId)).map(rows -> {
      List<Booking> list = new ArrayList<>();
      rows.forEach(row -> list.add(map(row)));
      return list;
    });
  }

  static Future<List<Booking>> byIds(SqlClient client, String tenantId, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery(BY_IDS).execute(Tuple.of(tenantId).addArrayOfUUID(ids.toArray(new UUID[0]))).map(rows -> {
      List<Booking> list = new ArrayList<>();
      rows.forEach(row -> list.add(map(row)));
      return list;
    });
  }

  static Future<Void> status(SqlClient tx, UUID id, String status, Instant now) {
    return tx.preparedQuery(STATUS).execute(Tuple.of(id, status, Sql.utc(now))).mapEmpty();
  }

  static Future<Void> confirmed(SqlClient tx, UUID id, Instant now) {
    return tx.preparedQuery(CONFIRMED).execute(Tuple.of(id, Sql.utc(now))).mapEmpty();
  }

  static Future<Void> cancel(SqlClient tx, UUID id, String by, String reason, Instant now) {
    return tx.preparedQuery(CANCEL).execute(Tuple.of(id, by, reason, Sql.utc(now))).mapEmpty();
  }

  static Future<Void> separate(SqlClient tx, UUID id, String reason, Instant now) {
    return tx.preparedQuery(SEPARATE).execute(Tuple.of(id, reason, Sql.utc(now))).mapEmpty();
  }

  /** Two-parent bookings whose confirmation deadline has passed: (id, tenant). */
  static Future<List<Tuple>> expired(SqlClient client, Instant now) {
    return client.preparedQuery(EXPIRED).execute(Tuple.of(Sql.utc(now))).map(rows -> {
      List<Tuple> list = new ArrayList<>();
      rows.forEach(row -> list.add(Tuple.of(row.getUUID("id"), row.getString("tenant_id"))));
      return list;
    });
  }

  /** The evidence of the other parent's BankID confirmation. */
  record Confirmation(UUID bookingId, UUID personId, UUID orderId, String orderRef, String signature,
                      String ocspResponse, String userVisibleData, Instant confirmedAt) {
  }

  static Future<Void> confirmation(SqlClient tx, Confirmation confirmation) {
    return tx.preparedQuery(CONFIRMATION).execute(Tuple.of(confirmation.bookingId(), confirmation.personId(),
        confirmation.orderId(), confirmation.orderRef(), confirmation.signature(), confirmation.ocspResponse())
      .addValue(confirmation.userVisibleData()).addValue(Sql.utc(confirmation.confirmedAt()))).mapEmpty();
  }

  static Booking map(Row row) {
    return new Booking(row.getUUID("id"), row.getString("tenant_id"), row.getString("service"),
      row.getString("rules_version"), row.getString("status"), row.getUUID("booker_id"),
      Optional.ofNullable(row.getUUID("other_parent_id")), row.getBoolean("separate"),
      Optional.ofNullable(row.getString("separate_reason")), Optional.ofNullable(row.getString("interpreter_language")),
      Optional.ofNullable(Sql.instant(row, "confirm_deadline")), Optional.ofNullable(row.getUUID("notice_id")),
      Optional.ofNullable(row.getLocalDate("expected_birth")), Optional.ofNullable(row.getUUID("created_by_staff")),
      Optional.ofNullable(row.getString("cancel_reason")), Optional.ofNullable(row.getString("cancelled_by")),
      Sql.instant(row, "created_at"));
  }
}
