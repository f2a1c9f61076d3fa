package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

import java.util.List;
import java.util.UUID;

/**
 * The automated decision function (KL 6 kap. 37 §) as the robot uses it: where a tenant's automation rule lets the
 * robot decide, it decides through this, inside its proposal transaction, and hands the letter over after commit.
 * Casework implements it (its AutomatedDecision records the decision and publishes the letter like a handläggare's);
 * the robot knows only this interface, and the composition root hands it casework's.
 */
public interface DecisionFunction {

  /**
   * The delegation: the automation rule in force, which decision type it covers (e.g. forsorjningsstodBifall) and the
   * nämnd's decision it cites.
   */
  record Rule(String version, String decisionType, String source) {
  }

  /** What the robot proposed and now decides. */
  record Proposal(UUID id, String tenantId, UUID applicationId, String outcome, JsonObject calculation,
                  String motivering, List<String> legalBasis, JsonObject ruleVersions) {
    public Proposal {
      legalBasis = List.copyOf(legalBasis);
    }
  }

  /** The decision set and its letter (handed to the digital mailbox after commit). */
  record Taken(UUID decisionSet, List<UUID> decisionIds, UUID letterId) {
  }

  /** In the robot's transaction, which already holds the application's lock. */
  Future<Taken> take(SqlClient tx, Proposal proposal, Rule rule);

  /** After commit: the letter to the digital mailbox (a failure is retried later and never undoes the decision). */
  Future<Boolean> deliver(Taken taken, String tenantId);
}
