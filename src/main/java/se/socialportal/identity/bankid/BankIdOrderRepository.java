package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The bankid_order table: orders this installation started, bound to the browser that started them. */
final class BankIdOrderRepository {

  /** An order as stored. The QR secret is only present while the order is pending. */
  record StoredOrder(UUID id, String tenantId, String purpose, Optional<String> subject,
                     Optional<UUID> expectedPersonId, String flow, String orderRef, String autoStartToken,
                     String qrStartToken, Optional<String> qrStartSecret, Instant startedAt, String status,
                     Optional<String> hintCode, Optional<UUID> personId, boolean consumed, String userVisibleData) {
    boolean pending() {
      return "pending".equals(status);
    }
  }

  private static final String COLUMNS = "id, tenant_id, purpose, subject, expected_person_id, flow, order_ref, "
    + "auto_start_token, qr_start_token, qr_start_secret, started_at, status, hint_code, person_id, consumed_at, user_visible_data";
  private static final String INSERT = "INSERT INTO bankid_order (id, tenant_id, purpose, subject, expected_person_id, "
    + "binding_hash, flow, order_ref, auto_start_token, qr_start_token, qr_start_secret, user_visible_data, started_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
  private static final String FIND_BOUND = "SELECT " + COLUMNS + " FROM bankid_order WHERE id = $1 AND binding_hash = $2";
  // The conditional UPDATE is the cross-instance throttle: only one request per order and two seconds gets to call
  // BankID's collect, however many browsers tabs or server instances poll.
  private static final String CLAIM_COLLECT = "UPDATE bankid_order SET last_collected_at = $2 WHERE id = $1 "
    + "AND status = 'pending' AND (last_collected_at IS NULL OR last_collected_at <= $3) RETURNING id";
  private static final String PENDING_HINT = "UPDATE bankid_order SET hint_code = $2 WHERE id = $1 AND status = 'pending'";
  private static final String FINISH = "UPDATE bankid_order SET status = $2, hint_code = $3, qr_start_secret = NULL, "
    + "completed_at = $4 WHERE id = $1 AND status = 'pending'";
  // Completion is used exactly once: the first request that flips consumed_at owns the result.
  private static final String CONSUME = "UPDATE bankid_order SET status = 'complete', hint_code = NULL, "
    + "qr_start_secret = NULL, completed_at = $2, consumed_at = $2, person_id = $3, completion = $4 "
    + "WHERE id = $1 AND consumed_at IS NULL AND status IN ('pending', 'complete') RETURNING id";
  private static final String PRUNE = "DELETE FROM bankid_order WHERE started_at < $1 AND purpose = 'login'";

  private final Pool pool;

  BankIdOrderRepository(Pool pool) {
    this.pool = pool;
  }

  Pool pool() {
    return pool;
  }

  Future<Void> insert(UUID id, String tenantId, String purpose, String subject, UUID expectedPersonId,
                      byte[] bindingHash, String flow, String orderRef, String autoStartToken, String qrStartToken,
                      String qrStartSecret, String userVisibleData, Instant startedAt) {
    return pool.preparedQuery(INSERT).execute(Tuple.of(id, tenantId, purpose, subject, expectedPersonId, bindingHash)
        .addString(flow).addString(orderRef).addString(autoStartToken).addString(qrStartToken)
        .addString(qrStartSecret).addString(userVisibleData).addOffsetDateTime(utc(startedAt)))
      .compose(v -> pool.preparedQuery(PRUNE).execute(Tuple.of(utc(startedAt.minus(Duration.ofDays(7))))))
      .mapEmpty();
  }

  /** The order if it exists and this browser started it; otherwise empty (the caller answers 404). */
  Future<Optional<StoredOrder>> findBound(UUID id, byte[] bindingHash) {
    return pool.preparedQuery(FIND_BOUND).execute(Tuple.of(id, bindingHash)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  Future<Boolean> claimCollect(UUID id, Instant now, Duration interval) {
    return pool.preparedQuery(CLAIM_COLLECT).execute(Tuple.of(id, utc(now), utc(now.minus(interval))))
      .map(rows -> rows.size() == 1);
  }

  Future<Void> pendingHint(UUID id, String hintCode) {
    return pool.preparedQuery(PENDING_HINT).execute(Tuple.of(id, hintCode)).mapEmpty();
  }

  Future<Void> finish(UUID id, String status, String hintCode, Instant now) {
    return pool.preparedQuery(FINISH).execute(Tuple.of(id, status, hintCode, utc(now))).mapEmpty();
  }

  Future<Boolean> consume(SqlClient transaction, UUID id, Instant now, UUID personId, JsonObject evidence) {
    return transaction.preparedQuery(CONSUME).execute(Tuple.of(id, utc(now), personId, evidence))
      .map(rows -> rows.size() == 1);
  }

  private static StoredOrder map(Row row) {
    return new StoredOrder(row.getUUID("id"), row.getString("tenant_id"), row.getString("purpose"),
      Optional.ofNullable(row.getString("subject")), Optional.ofNullable(row.getUUID("expected_person_id")),
      row.getString("flow"), row.getString("order_ref"), row.getString("auto_start_token"),
      row.getString("qr_start_token"), Optional.ofNullable(row.getString("qr_start_secret")),
      row.getOffsetDateTime("started_at").toInstant(), row.getString("status"),
      Optional.ofNullable(row.getString("hint_code")), Optional.ofNullable(row.getUUID("person_id")),
      row.getOffsetDateTime("consumed_at") != null, row.getString("user_visible_data"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
