package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
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

/** SQL for {@code application_signature}: the evidence of who signed which version of an application. */
public final class SignatureRepository {

  /** A signature as the household sees it (the evidence itself stays in the table). */
  public record Signature(String role, UUID personId, int version, Instant signedAt, String contentHash) {
  }

  private static final String INSERT = "INSERT INTO application_signature (tenant_id, application_id, "
    + "application_version, role, person_id, order_id, order_ref, signature, ocsp_response, user_visible_data, "
    + "content_hash, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
  private static final String CURRENT = "SELECT role, person_id, application_version, signed_at, content_hash "
    + "FROM application_signature WHERE application_id = $1 AND superseded_at IS NULL ORDER BY signed_at";
  private static final String RECEIPT = "SELECT role, person_id, application_version, signed_at, content_hash, "
    + "order_ref, user_visible_data FROM application_signature WHERE application_id = $1 AND role = $2 "
    + "AND superseded_at IS NULL";
  private static final String SUPERSEDE = "UPDATE application_signature SET superseded_at = $2 "
    + "WHERE application_id = $1 AND superseded_at IS NULL";

  private SignatureRepository() {
  }

  public static Future<Void> insert(SqlClient tx, SignedOrder signed, UUID applicationId, int version, String role,
                                    String contentHash) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(signed.tenantId(), applicationId, version, role,
        signed.personId(), signed.orderId(), signed.orderRef(), signed.signature(), signed.ocspResponse())
      .addValue(signed.userVisibleData()).addValue(contentHash).addValue(utc(signed.completedAt()))).mapEmpty();
  }

  public static Future<List<Signature>> current(SqlClient client, UUID applicationId) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(applicationId)).map(rows -> {
      List<Signature> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(new Signature(row.getString("role"), row.getUUID("person_id"), row.getInteger("application_version"),
          row.getOffsetDateTime("signed_at").toInstant(), row.getString("content_hash")));
      }
      return list;
    });
  }

  /** The current signatures of an application ({@code applicationId}, an SQL expression) as one JSON array. */
  public static String currentJson(String applicationId) {
    return "(SELECT json_agg(json_build_array(s.role, s.person_id, s.application_version, "
      + SqlJson.micros("s.signed_at") + ", s.content_hash) ORDER BY s.signed_at) FROM application_signature s "
      + "WHERE s.application_id = " + applicationId + " AND s.superseded_at IS NULL)";
  }

  /** The signatures written by {@link #currentJson} (null: none). */
  public static List<Signature> current(JsonArray rows) {
    List<Signature> list = new ArrayList<>();
    if (rows != null) {
      for (int i = 0; i < rows.size(); i++) {
        JsonArray row = rows.getJsonArray(i);
        list.add(new Signature(row.getString(0), SqlJson.uuid(row.getValue(1)), row.getInteger(2),
          SqlJson.instant(row.getValue(3)), row.getString(4)));
      }
    }
    return list;
  }

  /** What one signer saw and signed, for their receipt: the current signature of the role, if there is one. */
  public record Signed(Signature signature, String orderRef, String userVisibleData) {
  }

  public static Future<Optional<Signed>> signed(SqlClient client, UUID applicationId, String role) {
    return client.preparedQuery(RECEIPT).execute(Tuple.of(applicationId, role)).map(rows -> {
      for (Row row : rows) {
        return Optional.of(new Signed(new Signature(row.getString("role"), row.getUUID("person_id"),
          row.getInteger("application_version"), row.getOffsetDateTime("signed_at").toInstant(),
          row.getString("content_hash")), row.getString("order_ref"), row.getString("user_visible_data")));
      }
      return Optional.empty();
    });
  }

  /** The application went back to draft: its signatures no longer count (they stay as history). */
  public static Future<Void> supersede(SqlClient tx, UUID applicationId, Instant now) {
    return tx.preparedQuery(SUPERSEDE).execute(Tuple.of(applicationId, utc(now))).mapEmpty();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
