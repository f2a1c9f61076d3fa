package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a room does when a signature it asked for is complete. Runs inside the transaction that marks the order used,
 * exactly once; what it returns tells the browser where to go next and what became of the signature.
 */
@FunctionalInterface
public interface SignCompletion {

  Future<Result> complete(SqlConnection transaction, CompletedSignature signature);

  /** A completed BankID signature: the evidence to store (signature XML + OCSP response + orderRef). */
  record CompletedSignature(UUID orderId, String tenantId, SignSubject subject, UUID personId, String orderRef,
                            String signature, String ocspResponse, String userVisibleData, Instant completedAt) {
  }

  /** Where the browser goes next, and facts for the page (plain strings, e.g. the application's new status). */
  record Result(Optional<String> redirect, Map<String, String> details) {
    public Result {
      details = Map.copyOf(details);
    }
  }
}
