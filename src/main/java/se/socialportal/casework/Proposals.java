package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.calc.Adjustment;
import se.socialportal.casework.calc.CalcLine;
import se.socialportal.casework.calc.Calculation;
import se.socialportal.robot.ProposalStore;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the robot's output for a case (beslutsforslag, case_warning) and casework's adjustments of it. The robot owns
 * the proposal tables; casework changes only a proposal's status (to decided) and the warnings' acknowledgement.
 */
public final class Proposals {

  public record Proposal(UUID id, int version, String status, String outcome, BigDecimal amount,
                         Calculation calculation, JsonObject rawCalculation, JsonObject ruleVersions, String motivering, JsonArray legalBasis,
                         JsonObject registerData, JsonObject comparison, boolean stickprov, Instant createdAt) {
  }

  public record Warning(UUID id, String type, String message, JsonObject details, Optional<UUID> acknowledgedBy,
                        Optional<String> acknowledgedByName, Optional<Instant> acknowledgedAt) {
    public boolean acknowledged() {
      return acknowledgedAt.isPresent();
    }
  }

  private static final String CURRENT = "SELECT id, application_version, status, outcome, amount, calculation, "
    + "rule_versions, motivering, legal_basis, register_data, comparison, stickprov, created_at FROM beslutsforslag "
    + "WHERE application_id = $1 AND application_version = $2";
  private static final String WARNINGS = "SELECT w.id, w.type, w.message, w.details, w.acknowledged_by, w.acknowledged_at, "
    + "s.name AS acknowledged_by_name FROM case_warning w LEFT JOIN staff_member s ON s.id = w.acknowledged_by "
    + "WHERE w.proposal_id = $1 ORDER BY w.created_at, w.id";
  private static final String ADJUSTMENTS = "SELECT line_key, section, label, decision_type, new_amount, reason "
    + "FROM calculation_adjustment WHERE proposal_id = $1 AND withdrawn_at IS NULL ORDER BY created_at, id";

  private Proposals() {
  }

  /** The proposal for the application's current version, if the robot has made one. */
  public static Future<Optional<Proposal>> current(SqlClient client, CaseHeader header) {
    return client.preparedQuery(CURRENT).execute(Tuple.of(header.id(), header.version())).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new Proposal(row.getUUID("id"), row.getInteger("application_version"), row.getString("status"),
        row.getString("outcome"), row.getBigDecimal("amount"),
        Calculation.fromProposal(json(row.getValue("calculation"))), json(row.getValue("calculation")),
        json(row.getValue("rule_versions")),
        row.getString("motivering"), array(row.getValue("legal_basis")), json(row.getValue("register_data")),
        json(row.getValue("comparison")), row.getBoolean("stickprov"),
        row.getOffsetDateTime("created_at").toInstant()));
    });
  }

  /** What a recalculation needs to know about this proposal. */
  public static se.socialportal.casework.calc.Recalculation.Context context(CaseHeader header, Proposal proposal) {
    return new se.socialportal.casework.calc.Recalculation.Context(header.tenantId(),
      java.time.YearMonth.from(header.month()), proposal.rawCalculation());
  }

  public static Future<List<Warning>> warnings(SqlClient client, UUID proposalId) {
    return client.preparedQuery(WARNINGS).execute(Tuple.of(proposalId)).map(rows -> {
      List<Warning> list = new ArrayList<>();
      for (Row row : rows) {
        var at = row.getOffsetDateTime("acknowledged_at");
        list.add(new Warning(row.getUUID("id"), row.getString("type"), row.getString("message"),
          json(row.getValue("details")), Optional.ofNullable(row.getUUID("acknowledged_by")),
          Optional.ofNullable(row.getString("acknowledged_by_name")),
          Optional.ofNullable(at).map(value -> value.toInstant())));
      }
      return list;
    });
  }

  public static Future<List<Adjustment>> adjustments(SqlClient client, UUID proposalId) {
    return client.preparedQuery(ADJUSTMENTS).execute(Tuple.of(proposalId)).map(rows -> {
      List<Adjustment> list = new ArrayList<>();
      for (Row row : rows) {
        list.add(new Adjustment(row.getString("line_key"), CalcLine.Section.of(row.getString("section")),
          row.getString("label"), Optional.ofNullable(row.getString("decision_type")).flatMap(DecisionType::fromCode),
          row.getBigDecimal("new_amount"), row.getString("reason")));
      }
      return list;
    });
  }

  /** Marks the proposal decided; fails when someone else decided it first (the row is no longer awaiting review). */
  public static Future<Void> markDecided(SqlClient tx, UUID proposalId) {
    return ProposalStore.markDecided(tx, proposalId).compose(decided -> decided ? Future.succeededFuture()
      : Future.failedFuture(se.socialportal.platform.http.ApiException.conflict("proposal_not_awaiting_review")));
  }

  static JsonObject json(Object value) {
    if (value instanceof JsonObject) {
      return (JsonObject) value;
    }
    return value == null ? new JsonObject() : new JsonObject(String.valueOf(value));
  }

  static JsonArray array(Object value) {
    if (value instanceof JsonArray) {
      return (JsonArray) value;
    }
    return value == null ? new JsonArray() : new JsonArray(String.valueOf(value));
  }
}
