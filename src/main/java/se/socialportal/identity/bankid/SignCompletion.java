package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.time.Instant;
import java.util.UUID;

/**
 * What a room does when a signature it asked for is complete. Runs inside the transaction that marks the order used,
 * exactly once; the JSON it returns is merged into the browser's collect answer (e.g. where to go next).
 */
@FunctionalInterface
public interface SignCompletion {

  Future<JsonObject> complete(SqlConnection transaction, CompletedSignature signature);

  /** A completed BankID signature: the evidence to store (signature XML + OCSP response + orderRef). */
  record CompletedSignature(UUID orderId, String tenantId, String subject, UUID personId, String orderRef,
                            String signature, String ocspResponse, String userVisibleData, Instant completedAt) {
  }
}
