package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/** What happens when a signature order for an application completes; runs in the order service's transaction. */
@FunctionalInterface
public interface SignatureCompletion {
  Future<SigningOutcome> complete(SqlConnection tx, SignedOrder signed);
}
