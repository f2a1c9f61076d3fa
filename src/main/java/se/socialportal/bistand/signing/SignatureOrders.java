package se.socialportal.bistand.signing;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.UUID;

/**
 * Starting a BankID signature, as this room needs it. Implemented over the identity room's BankID order service
 * (which binds the order to the browser, draws the QR and calls {@link SignatureCompletion} exactly once, in the
 * transaction that marks the order used).
 */
public interface SignatureOrders {

  /** A started order, as the browser follows it with webroot/js/bankid-order.js. */
  record Started(UUID orderId, String autoStartUrl, Optional<String> simulatorUrl) {
    public JsonObject toJson() {
      return new JsonObject().put("orderId", orderId.toString()).put("autoStartUrl", autoStartUrl)
        .put("simulatorUrl", simulatorUrl.orElse(null));
    }
  }

  /**
   * Starts a {@code sign} order that only {@code signer} can complete.
   *
   * @param subject what is signed, {@code application:<id>:<role>:<content hash>}
   */
  Future<Started> startSign(RoutingContext ctx, String tenantId, UUID signer, String subject, String userVisibleMarkdown);
}
