package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code fr_document}: intyg and the letters of a notice's follow-up, as PDF. */
final class DocumentRepository {

  /** A document without its bytes. */
  record Document(UUID id, String kind, UUID personId, Optional<UUID> bookingId, Optional<UUID> noticeId,
                  Instant createdAt) {
  }

  private static final String INSERT = "INSERT INTO fr_document (tenant_id, kind, person_id, booking_id, notice_id, pdf, "
    + "created_by_staff, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
  private static final String OF_BOOKING = "SELECT id, kind, person_id, booking_id, notice_id, created_at "
    + "FROM fr_document WHERE booking_id = $1 ORDER BY created_at";
  private static final String OF_NOTICES = "SELECT id, kind, person_id, booking_id, notice_id, created_at "
    + "FROM fr_document WHERE notice_id = ANY($1) ORDER BY created_at";
  private static final String PDF = "SELECT pdf FROM fr_document WHERE id = $1 AND tenant_id = $2";

  private DocumentRepository() {
  }

  static Future<UUID> insert(SqlClient tx, String tenantId, String kind, UUID personId, Optional<UUID> bookingId,
                             Optional<UUID> noticeId, byte[] pdf, Optional<UUID> staffId, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, kind, personId, bookingId.orElse(null),
        noticeId.orElse(null), Buffer.buffer(pdf)).addValue(staffId.orElse(null)).addValue(Sql.utc(now)))
      .map(rows -> rows.iterator().next().getUUID("id"));
  }

  static Future<List<Document>> ofBooking(SqlClient client, UUID bookingId) {
    return client.preparedQuery(OF_BOOKING).execute(Tuple.of(bookingId)).map(DocumentRepository::all);
  }

  static Future<List<Document>> ofNotices(SqlClient client, List<UUID> noticeIds) {
    if (noticeIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery(OF_NOTICES).execute(Tuple.tuple().addArrayOfUUID(noticeIds.toArray(new UUID[0])))
      .map(DocumentRepository::all);
  }

  static Future<Optional<Buffer>> pdf(SqlClient client, String tenantId, UUID id) {
    return client.preparedQuery(PDF).execute(Tuple.of(id, tenantId)).map(rows -> Sql.first(rows, row -> row.getBuffer("pdf")));
  }

  private static List<Document> all(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Document> list = new ArrayList<>();
    for (Row row : rows) {
      list.add(new Document(row.getUUID("id"), row.getString("kind"), row.getUUID("person_id"),
        Optional.ofNullable(row.getUUID("booking_id")), Optional.ofNullable(row.getUUID("notice_id")),
        Sql.instant(row, "created_at")));
    }
    return list;
  }
}
