package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The decision_referral table: parts prepared by one level and referred to the level the delegation names. */
public final class Referrals {

  /** A referred part as stored: the preparer's proposal and where it went. */
  public record Referral(UUID id, String tenantId, UUID applicationId, int applicationVersion, Optional<UUID> proposalId,
                         UUID decisionSet, DecisionType type, String outcome, BigDecimal amount,
                         BigDecimal delegationAmount, JsonArray lines, String motivering, List<String> legalBasis,
                         String reasonCode, Optional<String> note, String level, String levelLabel, String source,
                         UUID preparedBy, String preparedByName, String preparedByTitle, Instant preparedAt,
                         Optional<UUID> decisionId) {

    /** The part as the preparer proposed it. */
    DecisionPart part() {
      return new DecisionPart(type, outcome, amount, delegationAmount, lines, motivering, legalBasis, reasonCode);
    }

    JsonObject toJson() {
      return new JsonObject().put("id", id.toString()).put("applicationId", applicationId.toString())
        .put("type", type.code()).put("typeLabel", type.label()).put("outcome", outcome)
        .put("amount", amount.toPlainString()).put("appliedAmount", delegationAmount.toPlainString())
        .put("lines", lines).put("motivering", motivering).put("legalBasis", new JsonArray(legalBasis))
        .put("note", note.orElse(null)).put("level", level).put("levelLabel", levelLabel).put("delegationSource", source)
        .put("preparedBy", preparedByName).put("preparedByTitle", preparedByTitle).put("preparedAt", preparedAt.toString())
        .put("decided", decisionId.isPresent());
    }
  }

  private static final String COLUMNS = "r.id, r.tenant_id, r.application_id, r.application_version, r.proposal_id, "
    + "r.decision_set, r.type, r.outcome, r.amount, r.delegation_amount, r.lines, r.motivering, r.legal_basis, "
    + "r.reason_code, r.note, r.referred_to_level, r.referred_to_label, r.delegation_source, r.prepared_by, "
    + "r.prepared_by_name, r.prepared_by_title, r.prepared_at, r.decision_id";
  private static final String INSERT = "INSERT INTO decision_referral (tenant_id, application_id, application_version, "
    + "proposal_id, decision_set, type, outcome, amount, delegation_amount, lines, motivering, legal_basis, reason_code, "
    + "note, referred_to_level, referred_to_label, delegation_row, delegation_source, prepared_by, prepared_by_name, "
    + "prepared_by_title, prepared_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, "
    + "$17, $18, $19, $20, $21, $22) RETURNING id";
  private static final String LOCK = "SELECT " + COLUMNS + " FROM decision_referral r WHERE r.id = $1 AND r.tenant_id = $2 "
    + "FOR UPDATE";
  private static final String DECIDED = "UPDATE decision_referral SET decision_id = $2, decided_at = $3 WHERE id = $1 "
    + "AND decision_id IS NULL";
  private static final String OPEN_IN_SET = "SELECT count(*) AS open FROM decision_referral WHERE decision_set = $1 "
    + "AND decision_id IS NULL";
  private static final String FOR_APPLICATION = "SELECT " + COLUMNS + " FROM decision_referral r "
    + "WHERE r.application_id = $1 ORDER BY r.prepared_at, r.id";
  /**
   * Open referrals of a tenant at the given levels. A protected household's referral is listed only to someone with
   * an open assignment on the case, like everything else about it.
   */
  private static final String OPEN_AT_LEVELS = "SELECT " + COLUMNS + ", trim(coalesce(p.given_name, '') || ' ' || "
    + "coalesce(p.surname, '')) AS household, a.month FROM decision_referral r JOIN application a ON a.id = r.application_id "
    + "JOIN person p ON p.id = a.applicant_id LEFT JOIN person c ON c.id = a.co_applicant_id "
    + "WHERE r.tenant_id = $1 AND r.decision_id IS NULL AND r.referred_to_level = ANY($2) "
    + "AND ((p.protection = 'none' AND coalesce(c.protection, 'none') = 'none') OR EXISTS (SELECT 1 FROM case_assignment ca "
    + "WHERE ca.application_id = a.id AND ca.staff_id = $3 AND ca.ended_at IS NULL)) ORDER BY r.prepared_at, r.id";

  private Referrals() {
  }

  /** Stores a prepared part referred to the level its (refused) delegation check named. */
  static Future<UUID> insert(SqlClient tx, Referral referral, DelegationCheck.Outcome outcome) {
    var row = outcome.row().orElseThrow();
    Tuple tuple = Tuple.of(referral.tenantId(), referral.applicationId(), referral.applicationVersion(),
        referral.proposalId().orElse(null), referral.decisionSet(), referral.type().code(), referral.outcome(),
        referral.amount(), referral.delegationAmount(), referral.lines())
      .addValue(referral.motivering()).addValue(new JsonArray(referral.legalBasis())).addValue(referral.reasonCode())
      .addValue(referral.note().orElse(null)).addValue(referral.level()).addValue(referral.levelLabel())
      .addValue(row.id()).addValue(referral.source()).addValue(referral.preparedBy()).addValue(referral.preparedByName())
      .addValue(referral.preparedByTitle()).addValue(OffsetDateTime.ofInstant(referral.preparedAt(), ZoneOffset.UTC));
    return tx.preparedQuery(INSERT).execute(tuple).map(rows -> rows.iterator().next().getUUID("id"));
  }

  static Future<Optional<Referral>> lock(SqlClient tx, UUID id, String tenantId) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id, tenantId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(referral(rows.iterator().next())));
  }

  static Future<Void> decided(SqlClient tx, UUID id, UUID decisionId, Instant at) {
    return tx.preparedQuery(DECIDED).execute(Tuple.of(id, decisionId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
      .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture()
        : Future.failedFuture(se.socialportal.platform.http.ApiException.conflict("referral_decided")));
  }

  static Future<Long> openInSet(SqlClient tx, UUID decisionSet) {
    return tx.preparedQuery(OPEN_IN_SET).execute(Tuple.of(decisionSet)).map(rows -> rows.iterator().next().getLong("open"));
  }

  /** Every referral of a case, open or decided, for the case view. */
  public static Future<JsonArray> forApplication(SqlClient client, UUID applicationId) {
    return client.preparedQuery(FOR_APPLICATION).execute(Tuple.of(applicationId)).map(rows -> {
      JsonArray array = new JsonArray();
      rows.forEach(row -> array.add(referral(row).toJson()));
      return array;
    });
  }

  /** "Väntar på mitt beslut": the tenant's open referrals to any of the levels. */
  static Future<JsonArray> openAt(SqlClient client, String tenantId, List<String> levels, UUID staffId) {
    return client.preparedQuery(OPEN_AT_LEVELS).execute(Tuple.of(tenantId, levels.toArray(new String[0]), staffId))
      .map(rows -> {
        JsonArray array = new JsonArray();
        for (Row row : rows) {
          array.add(referral(row).toJson().put("household", row.getString("household"))
            .put("month", row.getLocalDate("month").toString().substring(0, 7)));
        }
        return array;
      });
  }

  private static Referral referral(Row row) {
    List<String> basis = new ArrayList<>();
    array(row.getValue("legal_basis")).forEach(value -> basis.add(String.valueOf(value)));
    return new Referral(row.getUUID("id"), row.getString("tenant_id"), row.getUUID("application_id"),
      row.getInteger("application_version"), Optional.ofNullable(row.getUUID("proposal_id")), row.getUUID("decision_set"),
      DecisionType.fromCode(row.getString("type")).orElseThrow(), row.getString("outcome"), row.getBigDecimal("amount"),
      row.getBigDecimal("delegation_amount"), array(row.getValue("lines")), row.getString("motivering"), basis,
      row.getString("reason_code"), Optional.ofNullable(row.getString("note")), row.getString("referred_to_level"),
      row.getString("referred_to_label"), row.getString("delegation_source"), row.getUUID("prepared_by"),
      row.getString("prepared_by_name"), row.getString("prepared_by_title"),
      row.getOffsetDateTime("prepared_at").toInstant(), Optional.ofNullable(row.getUUID("decision_id")));
  }

  private static JsonArray array(Object value) {
    return value instanceof JsonArray array ? array : value == null ? new JsonArray() : new JsonArray(String.valueOf(value));
  }
}
