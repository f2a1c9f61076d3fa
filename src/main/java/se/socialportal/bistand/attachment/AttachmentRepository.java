package se.socialportal.bistand.attachment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.SqlJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code application_attachment}. */
public final class AttachmentRepository {

  /** An attachment as stored (the bytes are in the {@link AttachmentStore} under {@code storageKey}). */
  public record Attachment(UUID id, UUID applicationId, Optional<UUID> uploadedBy, String purpose, String category,
                           String fileName, String mediaType, long size, String sha256, String storageKey,
                           Optional<UUID> messageId, Optional<UUID> kompletteringId, Instant createdAt,
                           Optional<Instant> sentAt) {

    /** What the household sees (no storage key). */
    public JsonObject toJson() {
      return new JsonObject().put("id", id.toString()).put("purpose", purpose).put("category", category)
        .put("fileName", fileName).put("mediaType", mediaType).put("size", size).put("sha256", sha256)
        .put("createdAt", createdAt.toString()).put("sent", sentAt.isPresent())
        .put("messageId", messageId.map(UUID::toString).orElse(null))
        .put("kompletteringId", kompletteringId.map(UUID::toString).orElse(null));
    }
  }

  private static final String COLUMNS = "id, application_id, uploaded_by, purpose, category, file_name, media_type, "
    + "size_bytes, sha256, storage_key, message_id, komplettering_id, created_at, sent_at";
  private static final String INSERT = "INSERT INTO application_attachment (tenant_id, application_id, uploaded_by, "
    + "purpose, category, file_name, media_type, size_bytes, sha256, storage_key, created_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING " + COLUMNS;
  private static final String COUNT = "SELECT count(*) FROM application_attachment WHERE application_id = $1 "
    + "AND removed_at IS NULL";
  private static final String LIST = "SELECT " + COLUMNS + " FROM application_attachment WHERE application_id = $1 "
    + "AND removed_at IS NULL ORDER BY created_at";
  private static final String FIND = "SELECT " + COLUMNS + " FROM application_attachment WHERE id = $1 "
    + "AND application_id = $2 AND removed_at IS NULL";
  private static final String REMOVE = "UPDATE application_attachment SET removed_at = $3 WHERE id = $1 "
    + "AND application_id = $2 AND sent_at IS NULL AND removed_at IS NULL RETURNING storage_key";
  private static final String SEND_WITH_APPLICATION = "UPDATE application_attachment SET sent_at = $2 "
    + "WHERE application_id = $1 AND purpose = 'application' AND sent_at IS NULL AND removed_at IS NULL";
  private static final String LINK = "UPDATE application_attachment SET sent_at = $3, message_id = $4, "
    + "komplettering_id = $5 WHERE id = ANY($1) AND application_id = $2 AND uploaded_by = $6 AND purpose = $7 "
    + "AND sent_at IS NULL AND removed_at IS NULL";

  private AttachmentRepository() {
  }

  public static Future<Attachment> insert(SqlClient tx, String tenantId, UUID applicationId, UUID uploadedBy,
                                          String purpose, String category, String fileName,
                                          AttachmentStore.Stored stored, Instant now) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, applicationId, uploadedBy, purpose, category, fileName,
        stored.type().mediaType(), (int) stored.size(), stored.sha256(), stored.storageKey()).addValue(utc(now)))
      .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Integer> count(SqlClient client, UUID applicationId) {
    return client.preparedQuery(COUNT).execute(Tuple.of(applicationId))
      .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  public static Future<List<Attachment>> list(SqlClient client, UUID applicationId) {
    return client.preparedQuery(LIST).execute(Tuple.of(applicationId)).map(rows -> {
      List<Attachment> list = new ArrayList<>();
      rows.forEach(row -> list.add(map(row)));
      return list;
    });
  }

  /** The attachments of an application ({@code applicationId}, an SQL expression) as one JSON array. */
  public static String listJson(String applicationId) {
    return "(SELECT json_agg(json_build_array(f.id, f.application_id, f.uploaded_by, f.purpose, f.category, "
      + "f.file_name, f.media_type, f.size_bytes, f.sha256, f.storage_key, f.message_id, f.komplettering_id, "
      + SqlJson.micros("f.created_at") + ", " + SqlJson.micros("f.sent_at") + ") ORDER BY f.created_at) "
      + "FROM application_attachment f WHERE f.application_id = " + applicationId + " AND f.removed_at IS NULL)";
  }

  /** The attachments written by {@link #listJson} (null: none). */
  public static List<Attachment> list(JsonArray rows) {
    List<Attachment> list = new ArrayList<>();
    if (rows != null) {
      for (int i = 0; i < rows.size(); i++) {
        JsonArray row = rows.getJsonArray(i);
        list.add(new Attachment(SqlJson.uuid(row.getValue(0)), SqlJson.uuid(row.getValue(1)),
          Optional.ofNullable(SqlJson.uuid(row.getValue(2))), row.getString(3), row.getString(4), row.getString(5),
          row.getString(6), row.getLong(7), row.getString(8), row.getString(9),
          Optional.ofNullable(SqlJson.uuid(row.getValue(10))), Optional.ofNullable(SqlJson.uuid(row.getValue(11))),
          SqlJson.instant(row.getValue(12)), SqlJson.optionalInstant(row.getValue(13))));
      }
    }
    return list;
  }

  public static Future<Optional<Attachment>> find(SqlClient client, UUID applicationId, UUID id) {
    return client.preparedQuery(FIND).execute(Tuple.of(id, applicationId)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  /** Removes an attachment not yet sent; the storage key of the removed file, if one was removed. */
  public static Future<Optional<String>> remove(SqlClient tx, UUID applicationId, UUID id, Instant now) {
    return tx.preparedQuery(REMOVE).execute(Tuple.of(id, applicationId, utc(now))).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(it.next().getString(0)) : Optional.empty();
    });
  }

  public static Future<Void> sendWithApplication(SqlClient tx, UUID applicationId, Instant now) {
    return tx.preparedQuery(SEND_WITH_APPLICATION).execute(Tuple.of(applicationId, utc(now))).mapEmpty();
  }

  /**
   * Marks the uploader's own unsent attachments (of the given purpose) as sent with a message or a komplettering
   * answer; returns how many were linked, so the caller can refuse ids that were not theirs.
   */
  public static Future<Integer> link(SqlClient tx, UUID applicationId, List<UUID> ids, UUID uploadedBy, String purpose,
                                     UUID messageId, UUID kompletteringId, Instant now) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return tx.preparedQuery(LINK).execute(Tuple.of(ids.toArray(new UUID[0]), applicationId, utc(now), messageId,
      kompletteringId, uploadedBy, purpose)).map(rows -> rows.rowCount());
  }

  private static Attachment map(Row row) {
    OffsetDateTime sent = row.getOffsetDateTime("sent_at");
    return new Attachment(row.getUUID("id"), row.getUUID("application_id"), Optional.ofNullable(row.getUUID("uploaded_by")),
      row.getString("purpose"), row.getString("category"), row.getString("file_name"), row.getString("media_type"),
      row.getInteger("size_bytes"), row.getString("sha256"), row.getString("storage_key"),
      Optional.ofNullable(row.getUUID("message_id")), Optional.ofNullable(row.getUUID("komplettering_id")),
      row.getOffsetDateTime("created_at").toInstant(), Optional.ofNullable(sent).map(OffsetDateTime::toInstant));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
