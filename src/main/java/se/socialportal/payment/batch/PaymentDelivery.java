package se.socialportal.payment.batch;

import io.vertx.core.Future;

import java.nio.file.Path;

/**
 * Hands a payment file to the bank. The file's name comes from its batch, so a delivery repeated after a crash finds
 * the same name: an adapter must then answer as for the first delivery and never put a second copy in front of the
 * bank (and if a different file already has the name, refuse). The bank's duplicate check on the message id (fixed per
 * batch, so a rewritten file is byte for byte the same) is the last line behind this.
 *
 * <p>Implementations: {@link OutboxDirectoryDelivery} (a folder the bank's file-transfer client or the municipality's
 * integration platform collects from; demo mode and many installations) and, for a direct connection, an SFTP adapter
 * against the bank's host (docs/payments.md describes what it must do).
 */
public interface PaymentDelivery {

  /** Delivers {@code file} as {@code name}; answers a reference for the record (e.g. "outbox:name"). */
  Future<String> deliver(Path file, String name, String sha256);
}
