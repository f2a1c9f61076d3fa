package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import se.socialportal.identity.bankid.BankIdOrders;

import java.util.Optional;
import java.util.UUID;

/**
 * Starting a BankID signature, as this room needs it. Implemented over the identity room's BankID order service
 * (which binds the order to the browser, draws the QR and calls {@link SignatureCompletion} exactly once, in the
 * transaction that marks the order used).
 */
public interface SignatureOrders {

  /** A started order, as the browser follows it with webroot/js/bankid-order.js, and its binding for the browser. */
  record Started(UUID orderId, String autoStartUrl, Optional<String> simulatorUrl,
                 Optional<BankIdOrders.Binding> binding) {
  }

  /** Starts a {@code sign} order that only {@code signer} can complete. */
  Future<Started> startSign(BankIdOrders.Caller caller, boolean sameDevice, String tenantId, UUID signer,
                            ApplicationSignature subject, String userVisibleMarkdown);
}
