package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;

/**
 * One collect answer. The enums tolerate values BankID may add later; the raw strings are kept for logs and audit.
 *
 * @param hintCode       null when BankID sent none (always null for complete)
 * @param completionData only when {@link CollectStatus#COMPLETE}
 */
public record CollectResult(String orderRef, CollectStatus status, String rawStatus, HintCode hintCode,
                            String rawHintCode, CompletionData completionData) {

  public static CollectResult fromJson(JsonObject json) {
    String status = json.getValue("status") == null ? null : String.valueOf(json.getValue("status"));
    String hint = json.getValue("hintCode") == null ? null : String.valueOf(json.getValue("hintCode"));
    CompletionData completion = json.getValue("completionData") instanceof JsonObject data
      ? CompletionData.fromJson(data) : null;
    return new CollectResult(json.getString("orderRef"), CollectStatus.fromWire(status), status,
      HintCode.fromWire(hint), hint, completion);
  }

  public boolean isPending() {
    return status == CollectStatus.PENDING;
  }

  public boolean isComplete() {
    return status == CollectStatus.COMPLETE && completionData != null;
  }

  /** Nothing will change any more: stop polling. */
  public boolean isFinal() {
    return status != CollectStatus.PENDING;
  }

  /** What to tell the user now (see {@link UserMessage}); empty when the order is complete. */
  public java.util.Optional<UserMessage> userMessage(Flow flow) {
    return UserMessage.forCollect(this, flow);
  }
}
