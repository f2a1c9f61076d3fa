package se.socialportal.admin.ivo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The ivo_ej_verkstallt table (V151): why a granted decision is not executed, and the interim measure. */
final class IvoNotes {

  private static final String FOR_TENANT = "SELECT decision_id, reason, interim_measure FROM ivo_ej_verkstallt "
    + "WHERE tenant_id = $1";
  /** Only a granted part of the caller's own municipality: anything else is not found. */
  private static final String DECISION = "SELECT d.application_id, a.applicant_id FROM decision d "
    + "JOIN application a ON a.id = d.application_id WHERE d.id = $1 AND d.tenant_id = $2 "
    + "AND d.outcome IN ('bifall', 'delvis_bifall') AND d.amount > 0 AND d.type = ANY($3)";
  private static final String UPSERT = "INSERT INTO ivo_ej_verkstallt (decision_id, tenant_id, reason, interim_measure, "
    + "recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (decision_id) DO UPDATE SET "
    + "reason = EXCLUDED.reason, interim_measure = EXCLUDED.interim_measure, recorded_by = EXCLUDED.recorded_by, "
    + "recorded_at = EXCLUDED.recorded_at";

  /** What staff recorded. */
  record Note(String reason, Optional<String> interimMeasure) {
  }

  /** The case a decision belongs to. */
  record Owner(UUID applicationId, UUID applicantId) {
  }

  private IvoNotes() {
  }

  static Future<Map<UUID, Note>> forTenant(SqlClient client, String tenantId) {
    return client.preparedQuery(FOR_TENANT).execute(Tuple.of(tenantId)).map(rows -> {
      Map<UUID, Note> notes = new HashMap<>();
      for (Row row : rows) {
        notes.put(row.getUUID("decision_id"), new Note(row.getString("reason"),
          Optional.ofNullable(row.getString("interim_measure"))));
      }
      return notes;
    });
  }

  static Future<Optional<Owner>> grantedDecision(SqlClient client, UUID decisionId, String tenantId, String[] types) {
    return client.preparedQuery(DECISION).execute(Tuple.of(decisionId, tenantId, types)).map(rows -> rows.size() == 0
      ? Optional.empty() : Optional.of(new Owner(rows.iterator().next().getUUID("application_id"),
        rows.iterator().next().getUUID("applicant_id"))));
  }

  static Future<Void> record(SqlClient client, UUID decisionId, String tenantId, Note note, UUID staff, Instant at) {
    return client.preparedQuery(UPSERT).execute(Tuple.of(decisionId, tenantId, note.reason(),
      note.interimMeasure().orElse(null), staff, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).mapEmpty();
  }
}
