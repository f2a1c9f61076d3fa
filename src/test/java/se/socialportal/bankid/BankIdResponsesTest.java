package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Collect answers: tolerant parsing and the user message (RFA) for every state")
class BankIdResponsesTest {

  @Test
  @DisplayName("complete completionData is read in full")
  void completionData() {
    CollectResult result = CollectResult.fromJson(new JsonObject()
      .put("orderRef", "o1").put("status", "complete")
      .put("completionData", new JsonObject()
        .put("user", new JsonObject().put("personalNumber", "191212121212").put("name", "Tolvan Tolvansson")
          .put("givenName", "Tolvan").put("surname", "Tolvansson"))
        .put("device", new JsonObject().put("ipAddress", "192.0.2.1").put("uhi", "OZvYM9VvyiAmG7NA5jU5zRGcHTA"))
        .put("bankIdIssueDate", "2020-03-14")
        .put("stepUp", new JsonObject().put("mrtd", true))
        .put("signature", "PHNpZz4=").put("ocspResponse", "MIIH").put("risk", "LOW")
        .put("somethingNew", 1)));
    assertTrue(result.isComplete() && result.isFinal());
    CompletionData data = result.completionData();
    assertEquals("191212121212", data.user().personalNumber());
    assertEquals("Tolvansson", data.user().surname());
    assertEquals("192.0.2.1", data.device().ipAddress());
    assertEquals(LocalDate.of(2020, 3, 14), data.bankIdIssueDate());
    assertTrue(data.stepUp().mrtd());
    assertEquals("<sig>", data.signatureXml());
    assertEquals(RiskLevel.LOW, data.risk());
    assertFalse(result.toString().contains("191212121212"), result.toString());
    assertEquals(Optional.empty(), result.userMessage(Flow.QR_CODE));
  }

  @Test
  @DisplayName("stepUp is also read from the sample's setUp and from a plain boolean; bad dates become null")
  void tolerantStepUp() {
    assertTrue(CompletionData.fromJson(new JsonObject().put("setUp", new JsonObject().put("mrtd", true)))
      .stepUp().mrtd());
    assertFalse(CompletionData.fromJson(new JsonObject().put("stepUp", false)).stepUp().mrtd());
    CompletionData sparse = CompletionData.fromJson(new JsonObject().put("bankIdIssueDate", "not a date"));
    assertNull(sparse.stepUp());
    assertNull(sparse.bankIdIssueDate());
    assertNull(sparse.risk());
  }

  @Test
  @DisplayName("unknown hint codes and statuses are kept raw and mapped to RFA21 / RFA22")
  void unknownValues() {
    CollectResult pending = CollectResult.fromJson(new JsonObject().put("orderRef", "o").put("status", "pending")
      .put("hintCode", "somethingNewPending"));
    assertEquals(HintCode.UNKNOWN, pending.hintCode());
    assertEquals("somethingNewPending", pending.rawHintCode());
    assertFalse(pending.isFinal());
    assertEquals(UserMessage.RFA21, pending.userMessage(Flow.QR_CODE).orElseThrow());

    CollectResult failed = result("failed", "somethingNewFailed");
    assertEquals(UserMessage.RFA22, failed.userMessage(Flow.QR_CODE).orElseThrow());

    CollectResult strange = result("paused", null);
    assertEquals(CollectStatus.UNKNOWN, strange.status());
    assertEquals("paused", strange.rawStatus());
    assertTrue(strange.isFinal(), "an unknown status stops polling");
    assertEquals(UserMessage.RFA22, strange.userMessage(Flow.QR_CODE).orElseThrow());
  }

  @Test
  @DisplayName("every hint code gets BankID's recommended message, with the QR and same-device variants")
  void messagesForHints() {
    assertEquals(UserMessage.RFA1, message("pending", "outstandingTransaction", Flow.QR_CODE));
    assertEquals(UserMessage.RFA13, message("pending", "outstandingTransaction", Flow.SAME_DEVICE_COMPUTER));
    assertEquals(UserMessage.RFA1, message("pending", "noClient", Flow.SAME_DEVICE_MOBILE));
    assertEquals(UserMessage.RFA14, message("pending", "started", Flow.SAME_DEVICE_COMPUTER));
    assertEquals(UserMessage.RFA23, message("pending", "userMrtd", Flow.QR_CODE));
    assertEquals(UserMessage.RFA9, message("pending", "userSign", Flow.QR_CODE));
    assertEquals(UserMessage.RFA21, message("pending", "userCallConfirm", Flow.PHONE_CALL));
    assertEquals(UserMessage.RFA21, message("pending", null, Flow.QR_CODE));
    assertEquals(UserMessage.RFA8, message("failed", "expiredTransaction", Flow.QR_CODE));
    assertEquals(UserMessage.RFA16, message("failed", "certificateErr", Flow.QR_CODE));
    assertEquals(UserMessage.RFA6, message("failed", "userCancel", Flow.QR_CODE));
    assertEquals(UserMessage.RFA6, message("failed", "userDeclinedCall", Flow.PHONE_CALL));
    assertEquals(UserMessage.RFA3, message("failed", "cancelled", Flow.QR_CODE));
    assertEquals(UserMessage.RFA17, message("failed", "startFailed", Flow.QR_CODE));

    assertTrue(UserMessage.RFA17.swedish(Flow.QR_CODE).startsWith("Misslyckades att läsa av QR-koden"));
    assertTrue(UserMessage.RFA17.swedish(Flow.SAME_DEVICE_MOBILE).startsWith("BankID-appen verkar inte finnas"));
    assertTrue(UserMessage.RFA17.english(Flow.QR_CODE).startsWith("Failed to scan the QR code"));
    assertTrue(UserMessage.RFA14.swedish(Flow.SAME_DEVICE_COMPUTER).contains("i den här datorn"));
    assertTrue(UserMessage.RFA14.swedish(Flow.SAME_DEVICE_MOBILE).contains("i den här enheten"));
    assertEquals("Internal error. Please try again.", UserMessage.RFA5.text(Locale.ENGLISH, Flow.QR_CODE));
    assertEquals("Internt tekniskt fel. Försök igen.", UserMessage.RFA5.text(Locale.forLanguageTag("sv"), Flow.QR_CODE));
    for (UserMessage message : UserMessage.values()) {
      for (Flow flow : Flow.values()) {
        assertFalse(message.swedish(flow).isBlank() || message.english(flow).isBlank(), message + " " + flow);
      }
    }
  }

  private static UserMessage message(String status, String hint, Flow flow) {
    return result(status, hint).userMessage(flow).orElseThrow();
  }

  private static CollectResult result(String status, String hint) {
    JsonObject json = new JsonObject().put("orderRef", "o").put("status", status);
    if (hint != null) {
      json.put("hintCode", hint);
    }
    return CollectResult.fromJson(json);
  }
}
