package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonObject;
import se.socialportal.bankid.CollectStatus;

import java.time.Instant;

/**
 * One order in the simulator, immutable: every state change makes a new one (the {@link OrderStore} swaps them).
 * The QR secret never leaves the simulator except through the RP API's start answer; {@link #toString()} omits it.
 *
 * @param openedAt   when the "app" picked the order up (QR scanned, autostart token used); null until then
 * @param finishedAt when it became failed or complete; null while pending
 */
public record Order(String orderRef, OrderRequest request, String autoStartToken, String qrStartToken,
                    String qrStartSecret, Instant createdAt, Instant openedAt, CollectStatus status, String hintCode,
                    JsonObject completionData, Instant finishedAt) {

  public Order {
    completionData = completionData == null ? null : completionData.copy();
  }

  static Order started(String orderRef, OrderRequest request, String autoStartToken, String qrStartToken,
                       String qrStartSecret, Instant now) {
    return new Order(orderRef, request, autoStartToken, qrStartToken, qrStartSecret, now, null,
      CollectStatus.PENDING, "outstandingTransaction", null, null);
  }

  public boolean isPending() {
    return status == CollectStatus.PENDING;
  }

  @Override
  public JsonObject completionData() {
    return completionData == null ? null : completionData.copy();
  }

  Order opened(Instant now) {
    return new Order(orderRef, request, autoStartToken, qrStartToken, qrStartSecret, createdAt,
      openedAt == null ? now : openedAt, status, "userSign", null, null);
  }

  Order progressed(String hint) {
    return new Order(orderRef, request, autoStartToken, qrStartToken, qrStartSecret, createdAt, openedAt, status,
      hint, null, null);
  }

  Order failed(String hint, Instant at) {
    return new Order(orderRef, request, autoStartToken, qrStartToken, qrStartSecret, createdAt, openedAt,
      CollectStatus.FAILED, hint, null, at);
  }

  Order completed(JsonObject data, Instant at) {
    return new Order(orderRef, request, autoStartToken, qrStartToken, qrStartSecret, createdAt,
      openedAt == null ? at : openedAt, CollectStatus.COMPLETE, null, data, at);
  }

  /** The RP API's collect answer. */
  JsonObject collectJson() {
    JsonObject json = new JsonObject().put("orderRef", orderRef).put("status", status.wireName());
    if (hintCode != null) {
      json.put("hintCode", hintCode);
    }
    if (completionData != null) {
      json.put("completionData", completionData.copy());
    }
    return json;
  }

  /** What the phone page and the control API see: no secrets, no completion data. */
  JsonObject controlJson() {
    return new JsonObject()
      .put("orderRef", orderRef)
      .put("type", request.type().name())
      .put("signing", request.type().signing())
      .put("phone", request.type().phone())
      .put("status", status.wireName())
      .put("hintCode", hintCode)
      .put("rpName", request.rpName())
      .put("userVisibleData", request.userVisibleData())
      .put("userVisibleDataFormat", request.userVisibleDataFormat())
      .put("personalNumberRequired", request.personalNumber() != null)
      .put("createdAt", createdAt.toString());
  }

  @Override
  public String toString() {
    return "Order[" + orderRef + ", " + request + ", " + status.wireName() + "/" + hintCode + "]";
  }
}
