package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.robot.DecisionFunction;
import se.socialportal.rules.delegation.Lagrum;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Inserts decision rows, each with the delegation it rests on: the check's outcome, or the nämnd's automation rule. */
final class DecisionRecorder {

  private static final String INSERT = "INSERT INTO decision (tenant_id, application_id, application_version, "
    + "proposal_id, decision_set, type, outcome, amount, delegation_amount, lines, motivering, legal_basis, reason_code, "
    + "decided_by_kind, decided_by, decided_by_name, decided_by_title, rule_versions, delegation_version, "
    + "delegation_row, delegation_source, delegation_level, delegation_valid, acting_for, acting_absence_id, "
    + "original_decision_id, decided_at, prepared_by, prepared_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    + "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, true, $23, $24, $25, $26, $27, $28) RETURNING id";

  /**
   * Who decides, as FL 31 § and the delegationsbeslut list name them; {@code preparedBy} is the handläggare who
   * prepared a part referred up the delegation (null when the decider prepared it).
   */
  record Decider(UUID staffId, String name, String title, UUID preparedBy, String preparedByName) {
    Decider(UUID staffId, String name, String title) {
      this(staffId, name, title, null, null);
    }

    Decider preparedBy(UUID staffId, String name) {
      return new Decider(this.staffId, this.name, this.title, staffId, name);
    }
  }

  /** The delegation one decision rests on, as decision's delegation_* and acting_* columns record it. */
  private record Basis(String version, String row, String source, String level, UUID actingFor, UUID absence) {
  }

  private DecisionRecorder() {
  }

  /**
   * Records the parts; {@code outcomes} holds the allowed delegation outcome of each part (same order). Every row
   * is written with delegation_valid = true because, and only because, the check allowed it in this transaction.
   */
  static Future<List<UUID>> record(SqlClient tx, CaseHeader header, Optional<UUID> proposalId, UUID decisionSet,
                                   List<DecisionPart> parts, List<DelegationCheck.Outcome> outcomes, Decider decider,
                                   JsonObject ruleVersions, Optional<UUID> originalDecision, Lagrum lagrum, Instant at) {
    List<Basis> bases = new ArrayList<>();
    for (DelegationCheck.Outcome outcome : outcomes) {
      if (!outcome.allowed()) {
        throw new IllegalStateException("a decision without delegation must never be recorded");
      }
      var row = outcome.row().orElseThrow();
      bases.add(new Basis(outcome.matrix().version(), row.id(), delegationSource(row, lagrum),
        outcome.required().orElseThrow().code(),
        outcome.actingFor().map(standIn -> UUID.fromString(standIn.absentStaffId())).orElse(null),
        outcome.actingFor().map(standIn -> UUID.fromString(standIn.absenceId())).orElse(null)));
    }
    return insert(tx, header, proposalId, decisionSet, parts, bases, "staff", decider, ruleVersions, originalDecision,
      at);
  }

  /** "Delegationsordning 8.1.1 … (12 kap. 1 § SoL)": the row's paragraph with the lagrum in force (robots/lagrum.json). */
  static String delegationSource(se.socialportal.rules.delegation.DelegationMatrix.Row row, Lagrum lagrum) {
    return row.source() + " (" + lagrum.shortForm(row.type()) + ")";
  }

  /**
   * Records decisions taken by the automated decision function (KL 6 kap. 37 §) under the tenant's automation rule:
   * the rule is the delegation, the robot's rule versions say what produced the decision.
   */
  static Future<List<UUID>> recordAutomated(SqlClient tx, CaseHeader header, UUID proposalId, UUID decisionSet,
                                            List<DecisionPart> parts, DecisionFunction.Rule rule,
                                            JsonObject ruleVersions, Instant at) {
    List<Basis> bases = new ArrayList<>();
    for (DecisionPart part : parts) {
      bases.add(new Basis(rule.version(), "automation:" + rule.decisionType(), rule.source(),
        "automatiserad_beslutsfunktion", null, null));
    }
    return insert(tx, header, Optional.of(proposalId), decisionSet, parts, bases, "automated",
      new Decider(null, "Automatiserat beslut", "Automatiserad beslutsfunktion"), ruleVersions, Optional.empty(), at);
  }

  private static Future<List<UUID>> insert(SqlClient tx, CaseHeader header, Optional<UUID> proposalId,
                                           UUID decisionSet, List<DecisionPart> parts, List<Basis> bases, String kind,
                                           Decider decider, JsonObject ruleVersions, Optional<UUID> originalDecision,
                                           Instant at) {
    List<UUID> ids = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < parts.size(); i++) {
      DecisionPart part = parts.get(i);
      Basis basis = bases.get(i);
      Tuple tuple = Tuple.of(header.tenantId(), header.id(), header.version(), proposalId.orElse(null), decisionSet,
          part.type().code(), part.outcome(), part.amount(), part.delegationAmount(), part.lines())
        .addValue(part.motivering()).addValue(new JsonArray(part.legalBasis())).addValue(part.reasonCode())
        .addValue(kind).addValue(decider.staffId()).addValue(decider.name()).addValue(decider.title())
        .addValue(ruleVersions).addValue(basis.version()).addValue(basis.row()).addValue(basis.source())
        .addValue(basis.level()).addValue(basis.actingFor()).addValue(basis.absence())
        .addValue(originalDecision.orElse(null))
        .addValue(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .addValue(decider.preparedBy()).addValue(decider.preparedByName());
      chain = chain.compose(v -> tx.preparedQuery(INSERT).execute(tuple)
        .map(rows -> {
          ids.add(rows.iterator().next().getUUID("id"));
          return null;
        }));
    }
    return chain.map(ids);
  }
}
