package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of other rooms' records that the bundle for the court needs: the municipality's name and nämnd (tenant), the
 * application and its sent attachments (bistånd), the letter that carried a decision (letters). Read only.
 */
final class CaseDocuments {

  record Application(LocalDate month, String channel, Optional<Instant> submittedAt, JsonObject content) {
  }

  record StoredFile(String name, String mediaType, String storageKey) {
  }

  private static final String TENANT = "SELECT name, namnd FROM tenant WHERE id = $1";
  private static final String APPLICATION = "SELECT month, channel, submitted_at, content FROM application WHERE id = $1";
  private static final String FILES = "SELECT file_name, media_type, storage_key FROM application_attachment "
    + "WHERE application_id = $1 AND sent_at IS NOT NULL AND removed_at IS NULL ORDER BY created_at, id";
  private static final String LETTER_OF = "SELECT letter_id FROM decision_letter_decision WHERE decision_id = $1";

  private CaseDocuments() {
  }

  /** The municipality and its nämnd, as [name, namnd]. */
  static Future<String[]> tenant(SqlClient client, String tenantId) {
    return client.preparedQuery(TENANT).execute(Tuple.of(tenantId)).map(rows -> {
      Row row = rows.iterator().next();
      return new String[] {row.getString("name"), row.getString("namnd")};
    });
  }

  static Future<Application> application(SqlClient client, UUID applicationId) {
    return client.preparedQuery(APPLICATION).execute(Tuple.of(applicationId)).map(rows -> {
      Row row = rows.iterator().next();
      Object content = row.getValue("content");
      return new Application(row.getLocalDate("month"), row.getString("channel"),
        Optional.ofNullable(row.getOffsetDateTime("submitted_at")).map(OffsetDateTime::toInstant),
        content instanceof JsonObject json ? json : new JsonObject());
    });
  }

  static Future<List<StoredFile>> applicationFiles(SqlClient client, UUID applicationId) {
    return client.preparedQuery(FILES).execute(Tuple.of(applicationId)).map(rows -> {
      List<StoredFile> files = new ArrayList<>();
      rows.forEach(row -> files.add(new StoredFile(row.getString("file_name"), row.getString("media_type"),
        row.getString("storage_key"))));
      return files;
    });
  }

  static Future<Optional<UUID>> letterOf(SqlClient client, UUID decisionId) {
    return client.preparedQuery(LETTER_OF).execute(Tuple.of(decisionId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
  }
}
