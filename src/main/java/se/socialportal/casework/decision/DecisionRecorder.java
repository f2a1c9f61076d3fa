package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.delegation.DelegationCheck;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inserts decision rows, each with the delegation the check found for it. */
final class DecisionRecorder {

  private static final String INSERT = "INSERT INTO decision (tenant_id, application_id, application_version, "
    + "proposal_id, decision_set, type, outcome, amount, delegation_amount, lines, motivering, legal_basis, reason_code, "
    + "decided_by_kind, decided_by, decided_by_name, decided_by_title, rule_versions, delegation_version, "
    + "delegation_row, delegation_source, delegation_level, delegation_valid, acting_for, acting_absence_id, "
    + "original_decision_id, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'staff', $14, "
    + "$15, $16, $17, $18, $19, $20, $21, true, $22, $23, $24, $25) RETURNING id";

  /** Who decides, as FL 31 § and the delegationsbeslut list name them. */
  record Decider(UUID staffId, String name, String title) {
  }

  private DecisionRecorder() {
  }

  /**
   * Records the parts; {@code outcomes} holds the allowed delegation outcome of each part (same order). Every row
   * is written with delegation_valid = true because, and only because, the check allowed it in this transaction.
   */
  static Future<List<UUID>> record(SqlClient tx, CaseHeader header, Optional<UUID> proposalId, UUID decisionSet,
                                   List<DecisionPart> parts, List<DelegationCheck.Outcome> outcomes, Decider decider,
                                   JsonObject ruleVersions, Optional<UUID> originalDecision, Instant at) {
    List<UUID> ids = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < parts.size(); i++) {
      DecisionPart part = parts.get(i);
      DelegationCheck.Outcome outcome = outcomes.get(i);
      if (!outcome.allowed()) {
        throw new IllegalStateException("a decision without delegation must never be recorded");
      }
      var row = outcome.row().orElseThrow();
      Tuple tuple = Tuple.of(header.tenantId(), header.id(), header.version(), proposalId.orElse(null), decisionSet,
          part.type().code(), part.outcome(), part.amount(), part.delegationAmount(), part.lines())
        .addValue(part.motivering()).addValue(new JsonArray(part.legalBasis())).addValue(part.reasonCode())
        .addValue(decider.staffId()).addValue(decider.name()).addValue(decider.title()).addValue(ruleVersions)
        .addValue(outcome.matrix().version()).addValue(row.id()).addValue(row.source() + " (" + row.legalBasis() + ")")
        .addValue(outcome.required().orElseThrow().code())
        .addValue(outcome.actingFor().map(standIn -> UUID.fromString(standIn.absentStaffId())).orElse(null))
        .addValue(outcome.actingFor().map(standIn -> UUID.fromString(standIn.absenceId())).orElse(null))
        .addValue(originalDecision.orElse(null))
        .addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      chain = chain.compose(v -> tx.preparedQuery(INSERT).execute(tuple)
        .map(rows -> {
          ids.add(rows.iterator().next().getUUID("id"));
          return null;
        }));
    }
    return chain.map(ids);
  }
}
