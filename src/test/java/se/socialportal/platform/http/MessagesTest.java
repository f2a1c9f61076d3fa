package se.socialportal.platform.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Texts for people exist in Swedish and English alike, and in Arabic for the resident's pages")
class MessagesTest {

  @Test
  @DisplayName("messages_sv and messages_en have exactly the same keys")
  void bundlesHaveTheSameKeys() {
    assertEquals(Messages.bundle("sv").keySet(), Messages.bundle("en").keySet());
  }

  @Test
  @DisplayName("a text with a number in it gets the number, never a bare {0}")
  void tooManyNamesTheLimit() {
    assertEquals("Du kan ange högst 20 stycken.", Messages.text("sv", "field.too_many", 20));
  }

  @Test
  @DisplayName("every status the failure responder can produce has a text")
  void everyStatusCodeHasAText() {
    for (String code : FailureResponder.knownCodes()) {
      assertTrue(Messages.has("error." + code), "error." + code);
    }
    assertTrue(Messages.has("error.internal_error"));
    assertTrue(Messages.has("error.malformed_json"));
    assertTrue(Messages.has("error.validation_failed"));
  }

  @Test
  @DisplayName("arguments are formatted into the text")
  void formatting() {
    assertEquals("error.no_such_key", Messages.text("sv", "error.no_such_key"));
    assertEquals("Sidan eller uppgiften finns inte.", Messages.text("xx", "error.not_found"));
  }
  @Test
  @DisplayName("Arabic covers what the server writes on the resident's Arabic pages, and nothing Swedish lacks")
  void arabicCoversTheResidentsServerTexts() {
    java.util.Set<String> arabic = Messages.bundle("ar").stringPropertyNames();
    java.util.Set<String> swedish = Messages.bundle("sv").stringPropertyNames();
    for (String key : swedish) {
      if (key.startsWith("norm.") || key.equals("provrakning.disclaimer") || key.equals("bankid.in_progress")) {
        assertTrue(arabic.contains(key), "messages_ar lacks " + key);
      }
    }
    for (se.socialportal.bankid.UserMessage message : se.socialportal.bankid.UserMessage.values()) {
      assertTrue(arabic.contains("bankid.rfa." + message.name()), "BankID's " + message + " in Arabic");
    }
    assertTrue(arabic.containsAll(java.util.Set.of("bankid.rfa.RFA14.variant", "bankid.rfa.RFA17.variant")));
    for (String key : arabic) {
      assertTrue(swedish.contains(key) || key.startsWith("bankid.rfa.") || key.startsWith("norm.income."),
        "messages_ar has " + key + ", which no other language has");
    }
    assertEquals(Messages.bundle("ar").getProperty("norm.cost.rent"), Messages.text("ar", "norm.cost.rent"));
    assertEquals("Sidan eller uppgiften finns inte.", Messages.text("ar", "error.not_found"), "the rest in Swedish");
    assertEquals("تكاليف مشتركة للأسرة، 1,234 أشخاص", Messages.text("ar", "norm.line.common", 1234),
      "numbers in Latin digits, as the pages write them");
  }
}
