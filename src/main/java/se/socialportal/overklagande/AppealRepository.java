package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner of {@code overklagande} and {@code overklagande_attachment}: every statement on them is here. Reads of
 * casework's decisions and letters that an appeal needs (which decision, which letter, when it reached the resident)
 * are here too, as joins; they never write those tables.
 */
final class AppealRepository {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  /** A decision the resident may appeal: one they received a letter for. */
  record Decision(UUID id, UUID applicationId, String tenantId, String type, String outcome, BigDecimal amount,
                  Instant decidedAt, UUID letterId, LocalDate deliveredOn, LocalDate month) {
  }

  record Appeal(UUID id, String tenantId, UUID applicationId, UUID decisionId, UUID letterId, UUID personId,
                String status, String changeRequested, String reasons, LocalDate deliveredOn, LocalDate deadline,
                Optional<Instant> receivedAt, Optional<Boolean> late, Optional<LocalDate> forwardBy,
                Optional<UUID> omprovningDecisionId, Optional<Boolean> omprovningAsRequested,
                Optional<Instant> omprovningAt, Optional<Instant> forwardedAt, Optional<String> courtReference,
                Optional<String> bundleSha256, Optional<String> userVisibleData, Instant createdAt) {
  }

  record Attachment(UUID id, UUID appealId, String fileName, String mediaType, long size, String sha256,
                    String storageKey, Instant createdAt) {
  }

  private static final String DECISIONS = "SELECT d.id, d.application_id, d.tenant_id, d.type, d.outcome, d.amount, "
    + "d.decided_at, l.id AS letter_id, CASE WHEN l.mailbox_status IN ('delivered', 'posted') AND l.mailbox_at IS NOT NULL "
    + "THEN l.mailbox_at ELSE l.created_at END AS delivered_at, a.month FROM decision d "
    + "JOIN decision_letter_decision ld ON ld.decision_id = d.id JOIN decision_letter l ON l.id = ld.letter_id "
    + "JOIN application a ON a.id = d.application_id "
    + "WHERE l.tenant_id = $1 AND $2 = ANY (l.recipient_ids) AND d.type IN ('forsorjningsstod', 'livsforing_ovrigt', "
    + "'skulder', 'begravning', 'aterkrav', 'eftergift') ";
  private static final String COLUMNS = "id, tenant_id, application_id, decision_id, letter_id, person_id, status, "
    + "change_requested, reasons, delivered_on, deadline, received_at, late, forward_by, omprovning_decision_id, "
    + "omprovning_as_requested, omprovning_at, forwarded_at, court_reference, bundle_sha256, user_visible_data, created_at";
  private static final String INSERT = "INSERT INTO overklagande (tenant_id, application_id, decision_id, letter_id, "
    + "person_id, delivered_on, deadline, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
    + "ON CONFLICT (decision_id, person_id) WHERE status = 'draft' DO NOTHING RETURNING id";
  private static final String DRAFT_OF = "SELECT id FROM overklagande WHERE decision_id = $1 AND person_id = $2 "
    + "AND status = 'draft'";
  private static final String SAVE = "UPDATE overklagande SET change_requested = $2, reasons = $3, updated_at = $4 "
    + "WHERE id = $1 AND status = 'draft'";
  private static final String RECEIVED = "UPDATE overklagande SET status = 'received', delivered_on = $2, deadline = $3, "
    + "received_at = $4, late = $5, forward_by = $6, bankid_order_id = $7, order_ref = $8, signature = $9, "
    + "ocsp_response = $10, user_visible_data = $11, content_sha256 = $12, updated_at = $4 WHERE id = $1 AND status = 'draft'";
  private static final String OMPROVNING = "UPDATE overklagande SET status = CASE WHEN $3 THEN 'lapsed' ELSE status END, "
    + "omprovning_decision_id = $2, omprovning_as_requested = $3, omprovning_by = $4, omprovning_at = $5, updated_at = $5 "
    + "WHERE id = $1 AND status = 'received' AND omprovning_decision_id IS NULL";
  private static final String FORWARDED = "UPDATE overklagande SET status = 'forwarded', forwarded_at = $2, forwarded_by = $3, "
    + "court_reference = $4, bundle_sha256 = $5, bundle_pages = $6, updated_at = $2 WHERE id = $1 AND status = 'received'";
  private static final String ATTACHMENT_COLUMNS = "id, overklagande_id, file_name, media_type, size_bytes, sha256, "
    + "storage_key, created_at";
  private static final String ADD_ATTACHMENT = "INSERT INTO overklagande_attachment (overklagande_id, tenant_id, file_name, "
    + "media_type, size_bytes, sha256, storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING "
    + ATTACHMENT_COLUMNS;
  private static final String REMOVE_ATTACHMENT = "UPDATE overklagande_attachment SET removed_at = $3 WHERE id = $1 "
    + "AND overklagande_id = $2 AND removed_at IS NULL RETURNING storage_key";

  private AppealRepository() {
  }

  static Future<List<Decision>> decisionsOf(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(DECISIONS + "ORDER BY d.decided_at DESC").execute(Tuple.of(tenantId, personId))
      .map(AppealRepository::decisions);
  }

  static Future<Optional<Decision>> decisionOf(SqlClient client, String tenantId, UUID personId, UUID decisionId) {
    return client.preparedQuery(DECISIONS + "AND d.id = $3").execute(Tuple.of(tenantId, personId, decisionId))
      .map(rows -> decisions(rows).stream().findFirst());
  }

  private static List<Decision> decisions(RowSet<Row> rows) {
    List<Decision> list = new ArrayList<>();
    for (Row row : rows) {
      list.add(new Decision(row.getUUID("id"), row.getUUID("application_id"), row.getString("tenant_id"),
        row.getString("type"), row.getString("outcome"), row.getBigDecimal("amount"),
        row.getOffsetDateTime("decided_at").toInstant(), row.getUUID("letter_id"),
        row.getOffsetDateTime("delivered_at").atZoneSameInstant(STOCKHOLM).toLocalDate(), row.getLocalDate("month")));
    }
    return list;
  }

  /** The resident's draft for the decision, created if there is none (one draft per person and decision). */
  static Future<UUID> draft(SqlClient tx, Decision decision, UUID personId, LocalDate deadline, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(decision.tenantId(), decision.applicationId(), decision.id(),
        decision.letterId(), personId, decision.deliveredOn(), deadline).addValue(at(now)))
      .compose(rows -> rows.size() > 0 ? Future.succeededFuture(rows.iterator().next().getUUID("id"))
        : tx.preparedQuery(DRAFT_OF).execute(Tuple.of(decision.id(), personId))
          .map(found -> found.iterator().next().getUUID("id")));
  }

  static Future<Optional<Appeal>> find(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM overklagande WHERE id = $1 AND tenant_id = $2")
      .execute(Tuple.of(id, tenantId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(appeal(rows.iterator().next())));
  }

  static Future<Optional<Appeal>> lock(SqlClient tx, String tenantId, UUID id) {
    return tx.preparedQuery("SELECT " + COLUMNS + " FROM overklagande WHERE id = $1 AND tenant_id = $2 FOR UPDATE")
      .execute(Tuple.of(id, tenantId)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(appeal(rows.iterator().next())));
  }

  static Future<List<Appeal>> ofPerson(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM overklagande WHERE tenant_id = $1 AND person_id = $2 "
      + "ORDER BY created_at DESC").execute(Tuple.of(tenantId, personId)).map(AppealRepository::appeals);
  }

  /** Every appeal that has arrived, oldest deadline first. */
  static Future<List<Appeal>> received(SqlClient client, String tenantId, Optional<String> status) {
    return client.preparedQuery("SELECT " + COLUMNS + " FROM overklagande WHERE tenant_id = $1 AND status <> 'draft' "
        + "AND ($2::text IS NULL OR status = $2) ORDER BY (status = 'received') DESC, forward_by NULLS LAST, received_at")
      .execute(Tuple.of(tenantId, status.orElse(null))).map(AppealRepository::appeals);
  }

  static Future<Void> save(SqlClient tx, UUID id, String changeRequested, String reasons, Instant now) {
    return tx.preparedQuery(SAVE).execute(Tuple.of(id, changeRequested, reasons, at(now))).mapEmpty();
  }

  record Arrival(UUID id, LocalDate deliveredOn, LocalDate deadline, Instant receivedAt, boolean late,
                 Optional<LocalDate> forwardBy, UUID orderId, String orderRef, String signature, String ocspResponse,
                 String userVisibleData, String contentSha256) {
  }

  static Future<Void> received(SqlClient tx, Arrival arrival) {
    return tx.preparedQuery(RECEIVED).execute(Tuple.of(arrival.id(), arrival.deliveredOn(), arrival.deadline(),
        at(arrival.receivedAt()), arrival.late(), arrival.forwardBy().orElse(null)).addValue(arrival.orderId())
        .addValue(arrival.orderRef()).addValue(arrival.signature()).addValue(arrival.ocspResponse())
        .addValue(arrival.userVisibleData()).addValue(arrival.contentSha256()))
      .compose(rows -> changedOne(rows.rowCount()));
  }

  static Future<Void> omprovning(SqlClient tx, UUID id, UUID decisionId, boolean asRequested, UUID staffId,
                                 Instant now) {
    return tx.preparedQuery(OMPROVNING).execute(Tuple.of(id, decisionId, asRequested, staffId, at(now)))
      .compose(rows -> changedOne(rows.rowCount()));
  }

  static Future<Void> forwarded(SqlClient tx, UUID id, Instant now, UUID staffId, String reference, String sha256,
                                int pages) {
    return tx.preparedQuery(FORWARDED).execute(Tuple.of(id, at(now), staffId, reference, sha256, pages))
      .compose(rows -> changedOne(rows.rowCount()));
  }

  private static Future<Void> changedOne(int count) {
    return count == 1 ? Future.succeededFuture()
      : Future.failedFuture(new IllegalStateException("the appeal moved on meanwhile"));
  }

  static Future<List<Attachment>> attachments(SqlClient client, UUID appealId) {
    return client.preparedQuery("SELECT " + ATTACHMENT_COLUMNS + " FROM overklagande_attachment "
        + "WHERE overklagande_id = $1 AND removed_at IS NULL ORDER BY created_at, id")
      .execute(Tuple.of(appealId)).map(rows -> {
        List<Attachment> list = new ArrayList<>();
        rows.forEach(row -> list.add(attachment(row)));
        return list;
      });
  }

  static Future<Attachment> addAttachment(SqlClient tx, UUID appealId, String tenantId, String fileName,
                                          String mediaType, long size, String sha256, String storageKey, Instant now) {
    return tx.preparedQuery(ADD_ATTACHMENT).execute(Tuple.of(appealId, tenantId, fileName, mediaType, size, sha256)
      .addValue(storageKey).addValue(at(now))).map(rows -> attachment(rows.iterator().next()));
  }

  static Future<Optional<String>> removeAttachment(SqlClient tx, UUID appealId, UUID attachmentId, Instant now) {
    return tx.preparedQuery(REMOVE_ATTACHMENT).execute(Tuple.of(attachmentId, appealId, at(now)))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  private static List<Appeal> appeals(RowSet<Row> rows) {
    List<Appeal> list = new ArrayList<>();
    rows.forEach(row -> list.add(appeal(row)));
    return list;
  }

  private static Appeal appeal(Row row) {
    return new Appeal(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("application_id"),
      row.getUUID("decision_id"), row.getUUID("letter_id"), row.getUUID("person_id"), row.getString("status"),
      row.getString("change_requested"), row.getString("reasons"), row.getLocalDate("delivered_on"),
      row.getLocalDate("deadline"), instant(row, "received_at"), Optional.ofNullable(row.getBoolean("late")),
      Optional.ofNullable(row.getLocalDate("forward_by")), Optional.ofNullable(row.getUUID("omprovning_decision_id")),
      Optional.ofNullable(row.getBoolean("omprovning_as_requested")), instant(row, "omprovning_at"),
      instant(row, "forwarded_at"), Optional.ofNullable(row.getString("court_reference")),
      Optional.ofNullable(row.getString("bundle_sha256")), Optional.ofNullable(row.getString("user_visible_data")),
      row.getOffsetDateTime("created_at").toInstant());
  }

  private static Attachment attachment(Row row) {
    return new Attachment(row.getUUID("id"), row.getUUID("overklagande_id"), row.getString("file_name"),
      row.getString("media_type"), row.getLong("size_bytes"), row.getString("sha256"), row.getString("storage_key"),
      row.getOffsetDateTime("created_at").toInstant());
  }

  private static Optional<Instant> instant(Row row, String column) {
    return Optional.ofNullable(row.getOffsetDateTime(column)).map(OffsetDateTime::toInstant);
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
