package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The robot owns {@code beslutsforslag}, {@code case_warning} and {@code stickprov_draw}: it writes them in batches
 * (ProposalWriter, ProposalStatements), and what happens to them during review — a proposal decided, a warning
 * acknowledged, a stickprov's result — is written here, in the reviewing room's transaction. A proposal made
 * elsewhere (a demo installation's seeded cases) is written through the robot's own statements too.
 */
public final class ProposalStore {

  private static final String MARK_DECIDED = "UPDATE beslutsforslag SET status = 'decided' WHERE id = $1 "
    + "AND status = 'awaiting_review'";
  private static final String ACKNOWLEDGE = "UPDATE case_warning SET acknowledged_by = $3, acknowledged_at = $4 "
    + "WHERE id = $1 AND proposal_id = $2 AND acknowledged_at IS NULL RETURNING type";
  private static final String STICKPROV_RESULT = "UPDATE stickprov_draw SET result = $2, result_note = $3, "
    + "result_by = $4, result_at = $5 WHERE application_id = $1 AND sampled AND result IS NULL";

  private ProposalStore() {
  }

  /** A proposal as the robot stores it (ids chosen by the caller, so warnings can refer to it). */
  public record Proposal(UUID id, String tenantId, UUID applicationId, int applicationVersion, String outcome,
                         BigDecimal amount, JsonObject calculation, JsonObject ruleVersions, String motivering,
                         List<String> legalBasis, JsonObject registerData, JsonObject comparison, boolean stickprov,
                         boolean decidedAutomatically) {
    public Proposal {
      legalBasis = List.copyOf(legalBasis);
    }
  }

  /** A warning a handläggare must acknowledge. */
  public record Warning(String type, String message, JsonObject details) {
  }

  /** A stickprov draw (once per application) and, when sampled, the documents asked for. */
  public record Draw(String ruleVersion, BigDecimal percent, BigDecimal draw, boolean sampled, String reason,
                     JsonArray requestedItems, Optional<String> requestMessage, Optional<Instant> dueAt) {
  }

  /** A proposal with its warnings and draw, made at {@code at}, as one batch of one. */
  public static Future<Void> insert(SqlClient tx, Proposal proposal, List<Warning> warnings, Optional<Draw> draw,
                                    Instant at) {
    JsonArray warningRows = new JsonArray();
    warnings.forEach(warning -> warningRows.add(ProposalStatements.warningRow(proposal, warning)));
    JsonArray drawRows = new JsonArray();
    draw.ifPresent(value -> drawRows.add(ProposalStatements.drawRow(proposal, value)));
    return ProposalStatements.proposals(tx, new JsonArray().add(ProposalStatements.proposalRow(proposal)), warningRows,
      drawRows, at).mapEmpty();
  }

  /** @return false when the proposal no longer awaits review (decided or superseded meanwhile) */
  public static Future<Boolean> markDecided(SqlClient tx, UUID proposalId) {
    return tx.preparedQuery(MARK_DECIDED).execute(Tuple.of(proposalId)).map(rows -> rows.rowCount() == 1);
  }

  /** @return the warning's type, or empty when the proposal has no such unacknowledged warning */
  public static Future<Optional<String>> acknowledgeWarning(SqlClient tx, UUID warningId, UUID proposalId,
                                                            UUID staffId, Instant at) {
    return tx.preparedQuery(ACKNOWLEDGE).execute(Tuple.of(warningId, proposalId, staffId, utc(at)))
      .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("type")));
  }

  /** @return false when the application has no sampled draw waiting for its result */
  public static Future<Boolean> recordStickprovResult(SqlClient tx, UUID applicationId, String result,
                                                      String note, UUID staffId, Instant at) {
    return tx.preparedQuery(STICKPROV_RESULT).execute(Tuple.of(applicationId, result, note, staffId, utc(at)))
      .map(rows -> rows.rowCount() == 1);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
