package se.socialportal.letters.print;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.letters.LetterRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The print_batch and print_batch_letter tables, and the letters waiting for print (decision_letter rows with
 * mailbox_status 'print' in no batch). Reads the recipients' names, personnummer and protection from person, the
 * case reference from application and the sender from tenant, as the mailbox hand-over does.
 */
final class PrintBatchRepository {

  /** A letter waiting for print, with what addressing it needs. */
  record Waiting(UUID letterId, UUID applicationId, String caseReference, Instant createdAt,
                 List<Addressing.Recipient> recipients, byte[] pdf) {
  }

  /** A batch without its PDF. */
  record Batch(UUID id, LocalDate day, Instant createdAt, Optional<String> createdBy, int letters, int copies,
               int pages, String sha256, String status, Optional<Instant> printedAt, Optional<Instant> sentAt) {
    JsonObject json() {
      return new JsonObject().put("id", id.toString()).put("day", day.toString())
        .put("createdAt", createdAt.toString()).put("createdBy", createdBy.orElse(null)).put("letters", letters)
        .put("copies", copies).put("pages", pages).put("sha256", sha256).put("status", status)
        .put("printedAt", printedAt.map(Instant::toString).orElse(null))
        .put("sentAt", sentAt.map(Instant::toString).orElse(null));
    }
  }

  private static final String WAITING_WHERE = "FROM decision_letter l JOIN application a ON a.id = l.application_id "
    + "WHERE l.tenant_id = $1 AND l.mailbox_status = 'print' "
    + "AND NOT EXISTS (SELECT 1 FROM print_batch_letter b WHERE b.letter_id = l.id) ";
  private static final String CASE_REFERENCE = "'EB-' || extract(year FROM a.month)::int || '-' "
    + "|| upper(substr(a.id::text, 1, 8)) AS case_reference";
  private static final String LOCK_WAITING = "SELECT l.id, l.application_id, l.created_at, l.pdf, " + CASE_REFERENCE
    + ", (SELECT json_agg(json_build_object('id', p.id, 'personnummer', p.personnummer, 'name', "
    + "trim(coalesce(p.given_name, '') || ' ' || coalesce(p.surname, '')), 'protection', p.protection) "
    + "ORDER BY array_position(l.recipient_ids, p.id)) FROM person p WHERE p.id = ANY(l.recipient_ids)) AS recipients "
    + WAITING_WHERE + "ORDER BY l.created_at, l.id FOR UPDATE OF l SKIP LOCKED";
  private static final String LIST_WAITING = "SELECT l.id, l.application_id, l.created_at, "
    + "cardinality(l.recipient_ids) AS copies, " + CASE_REFERENCE + " " + WAITING_WHERE + "ORDER BY l.created_at, l.id";
  private static final String SENDER = "SELECT name, namnd, coalesce(postal_address, '') AS postal_address "
    + "FROM tenant WHERE id = $1";
  private static final String INSERT_BATCH = "INSERT INTO print_batch (tenant_id, batch_date, created_at, created_by, "
    + "letter_count, copy_count, page_count, pdf, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
  private static final String INSERT_LETTER = "INSERT INTO print_batch_letter (letter_id, batch_id, position, copies) "
    + "VALUES ($1, $2, $3, $4)";
  private static final String BATCH = "SELECT b.id, b.batch_date, b.created_at, s.name AS created_by, b.letter_count, "
    + "b.copy_count, b.page_count, b.sha256, b.status, b.printed_at, b.sent_at FROM print_batch b "
    + "LEFT JOIN staff_member s ON s.id = b.created_by WHERE b.tenant_id = $1 ";
  private static final String PDF = "SELECT pdf FROM print_batch WHERE id = $1 AND tenant_id = $2";
  private static final String RECIPIENTS = "SELECT l.application_id, unnest(l.recipient_ids) AS person_id "
    + "FROM print_batch_letter b JOIN decision_letter l ON l.id = b.letter_id WHERE b.batch_id = $1";
  private static final String MOVE_BATCH = "UPDATE print_batch SET status = $3, "
    + "printed_at = CASE WHEN $3 = 'printed' THEN $4 ELSE printed_at END, "
    + "printed_by = CASE WHEN $3 = 'printed' THEN $5 ELSE printed_by END, "
    + "sent_at = CASE WHEN $3 = 'sent' THEN $4 ELSE sent_at END, "
    + "sent_by = CASE WHEN $3 = 'sent' THEN $5 ELSE sent_by END "
    + "WHERE id = $1 AND tenant_id = $2 AND status = $6";
  private static final String MOVE_LETTERS = "UPDATE print_batch_letter SET status = $2 WHERE batch_id = $1";
  private static final String POSTED = "UPDATE decision_letter SET mailbox_status = 'posted', mailbox_at = $2 "
    + "WHERE id IN (SELECT letter_id FROM print_batch_letter WHERE batch_id = $1) AND mailbox_status = 'print'";

  private PrintBatchRepository() {
  }

  /** The tenant's letters waiting for print, locked for this caller (a concurrent batch skips them). */
  static Future<List<Waiting>> lockWaiting(SqlClient tx, String tenantId) {
    return tx.preparedQuery(LOCK_WAITING).execute(Tuple.of(tenantId)).map(rows -> {
      List<Waiting> list = new ArrayList<>();
      for (Row row : rows) {
        List<Addressing.Recipient> recipients = new ArrayList<>();
        JsonArray people = row.getJsonArray("recipients");
        for (int i = 0; people != null && i < people.size(); i++) {
          JsonObject person = people.getJsonObject(i);
          recipients.add(new Addressing.Recipient(UUID.fromString(person.getString("id")),
            person.getString("personnummer"), person.getString("name"), person.getString("protection")));
        }
        list.add(new Waiting(row.getUUID("id"), row.getUUID("application_id"), row.getString("case_reference"),
          row.getOffsetDateTime("created_at").toInstant(), recipients, row.getBuffer("pdf").getBytes()));
      }
      return list;
    });
  }

  /** For the page: waiting letters without names or addresses. */
  static Future<JsonArray> listWaiting(SqlClient client, String tenantId) {
    return client.preparedQuery(LIST_WAITING).execute(Tuple.of(tenantId)).map(rows -> {
      JsonArray list = new JsonArray();
      for (Row row : rows) {
        list.add(new JsonObject().put("letterId", row.getUUID("id").toString())
          .put("caseReference", row.getString("case_reference"))
          .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
          .put("copies", row.getInteger("copies")));
      }
      return list;
    });
  }

  static Future<PrintBatchPdf.Sender> sender(SqlClient client, String tenantId) {
    return client.preparedQuery(SENDER).execute(Tuple.of(tenantId)).map(rows -> {
      Row row = rows.iterator().next();
      return new PrintBatchPdf.Sender(row.getString("name"), row.getString("namnd"), row.getString("postal_address"));
    });
  }

  static Future<UUID> insert(SqlClient tx, String tenantId, LocalDate day, Instant at, Optional<UUID> by,
                             List<PrintBatchPdf.Item> items, PrintBatchPdf.Result pdf) {
    Tuple batch = Tuple.of(tenantId, day, utc(at), by.orElse(null), items.size(), pdf.copies())
      .addValue(pdf.pages()).addValue(Buffer.buffer(pdf.pdf())).addValue(LetterRepository.sha256(pdf.pdf()));
    return tx.preparedQuery(INSERT_BATCH).execute(batch).map(rows -> rows.iterator().next().getUUID("id"))
      .compose(id -> {
        List<Tuple> letters = new ArrayList<>();
        int position = 1;
        for (PrintBatchPdf.Item item : items) {
          letters.add(Tuple.of(item.letterId(), id, position, item.sheets().size()));
          position += item.sheets().size();
        }
        return tx.preparedQuery(INSERT_LETTER).executeBatch(letters).map(id);
      });
  }

  static Future<List<Batch>> batches(SqlClient client, String tenantId, int limit) {
    return client.preparedQuery(BATCH + "ORDER BY b.created_at DESC LIMIT " + limit).execute(Tuple.of(tenantId))
      .map(rows -> {
        List<Batch> list = new ArrayList<>();
        rows.forEach(row -> list.add(batch(row)));
        return list;
      });
  }

  static Future<Optional<Batch>> batch(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery(BATCH + "AND b.id = $2").execute(Tuple.of(tenantId, id))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(batch(rows.iterator().next())));
  }

  static Future<Optional<byte[]>> pdf(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery(PDF).execute(Tuple.of(id, tenantId)).map(rows -> rows.size() == 0 ? Optional.empty()
      : Optional.of(rows.iterator().next().getBuffer("pdf").getBytes()));
  }

  /** Each recipient of each letter in the batch: (application, person), for the audit log. */
  static Future<List<UUID[]>> recipients(SqlClient client, UUID batchId) {
    return client.preparedQuery(RECIPIENTS).execute(Tuple.of(batchId)).map(rows -> {
      List<UUID[]> list = new ArrayList<>();
      rows.forEach(row -> list.add(new UUID[] {row.getUUID("application_id"), row.getUUID("person_id")}));
      return list;
    });
  }

  /** Moves the batch and its letters from {@code from} to {@code to}; false when the batch was not in {@code from}. */
  static Future<Boolean> move(SqlClient tx, String tenantId, UUID batchId, String from, String to, Instant at,
                              UUID by) {
    return tx.preparedQuery(MOVE_BATCH).execute(Tuple.of(batchId, tenantId, to, utc(at), by, from))
      .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(false)
        : tx.preparedQuery(MOVE_LETTERS).execute(Tuple.of(batchId, to))
          .compose(done -> "sent".equals(to)
            ? tx.preparedQuery(POSTED).execute(Tuple.of(batchId, utc(at))).map(true)
            : Future.succeededFuture(true)));
  }

  private static Batch batch(Row row) {
    return new Batch(row.getUUID("id"), row.getLocalDate("batch_date"),
      row.getOffsetDateTime("created_at").toInstant(), Optional.ofNullable(row.getString("created_by")),
      row.getInteger("letter_count"), row.getInteger("copy_count"), row.getInteger("page_count"),
      row.getString("sha256"), row.getString("status"),
      Optional.ofNullable(row.getOffsetDateTime("printed_at")).map(OffsetDateTime::toInstant),
      Optional.ofNullable(row.getOffsetDateTime("sent_at")).map(OffsetDateTime::toInstant));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
