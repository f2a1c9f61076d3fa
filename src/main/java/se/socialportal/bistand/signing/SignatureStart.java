package se.socialportal.bistand.signing;

import io.vertx.core.json.JsonObject;
import se.socialportal.identity.bankid.BankIdOrders;

import java.util.Optional;
import java.util.UUID;

/**
 * A signature started on an application: which application and role, the order the browser follows, and — only when
 * this very call started the order — the binding the route hands to the browser. A repeated request (same
 * idempotency key) gets the first answer back, without a binding: the browser already has it.
 */
public record SignatureStart(UUID applicationId, SignerRole role, UUID orderId, String autoStartUrl,
                             Optional<String> simulatorUrl, Optional<BankIdOrders.Binding> binding) {

  /** The answer to the browser, also what a repeated request gets back. */
  public JsonObject toJson() {
    return new JsonObject().put("orderId", orderId.toString()).put("autoStartUrl", autoStartUrl)
      .put("simulatorUrl", simulatorUrl.orElse(null)).put("applicationId", applicationId.toString())
      .put("role", role.code());
  }

  static SignatureStart fromJson(JsonObject stored) {
    return new SignatureStart(UUID.fromString(stored.getString("applicationId")),
      SignerRole.fromCode(stored.getString("role")).orElseThrow(), UUID.fromString(stored.getString("orderId")),
      stored.getString("autoStartUrl"), Optional.ofNullable(stored.getString("simulatorUrl")), Optional.empty());
  }
}
