package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.robot.CalculationOnRequest;
import se.socialportal.robot.ProposalStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes a case without a proposal decidable: the handläggare asks for the norm calculation, the robot's steps compute
 * it from the application's data (and register data where the registers answer), and the result is stored as the
 * case's beslutsförslag — so it is adjusted, approved or rejected, referred, audited and sent as a letter exactly like
 * one the robot made on its own. The history records who asked for it.
 */
public final class ManualCalculation {

  private final Pool pool;
  private final Clock clock;
  private final CalculationOnRequest robot;

  public ManualCalculation(Pool pool, Clock clock, CalculationOnRequest robot) {
    this.pool = pool;
    this.clock = clock;
    this.robot = robot;
  }

  public Future<JsonObject> calculate(Session session, UUID applicationId, String requestId) {
    return pool.withConnection(connection -> CaseAccess.visible(connection, session, applicationId)
        .compose(header -> Proposals.current(connection, header).compose(proposal -> decidable(header, proposal))))
      .compose(header -> robot.calculate(header.tenantId(), header.id(), header.version(),
        header.submittedAt().orElse(clock.instant())))
      .compose(result -> {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> Proposals
          .current(tx, header).compose(existing -> decidable(header, existing)).compose(locked -> {
            if (locked.version() != result.proposal().applicationVersion()) {
              return Future.failedFuture(ApiException.conflict("proposal_outdated"));
            }
            UUID proposalId = result.proposal().id();
            JsonObject data = new JsonObject().put("proposalId", proposalId.toString())
              .put("warnings", result.warnings().size()).put("amount", result.proposal().amount().toPlainString());
            return ProposalStore.insert(tx, result.proposal(), result.warnings(), Optional.empty(), now)
              .compose(v -> AuditLog.recordAll(tx, result.audit(), now))
              .compose(v -> CaseEvents.staff(tx, locked, "calculated", ApplicationStatus.UNDER_REVIEW,
                session.staffMemberId(), data, now))
              .compose(v -> CaseAudit.record(tx, session, locked, "case.calculate", requestId, data, now))
              .map(v -> new JsonObject().put("proposalId", proposalId.toString())
                .put("outcome", result.proposal().outcome()).put("amount", result.proposal().amount().toPlainString()));
          })));
      });
  }

  /** Only an open case without a proposal for its current version is calculated on request. */
  private static Future<CaseHeader> decidable(CaseHeader header, Optional<Proposals.Proposal> proposal) {
    if (!header.open()) {
      return Future.failedFuture(ApiException.conflict("case_not_decidable"));
    }
    if (proposal.isPresent()) {
      return Future.failedFuture(ApiException.conflict("proposal_exists"));
    }
    return Future.succeededFuture(header);
  }
}
