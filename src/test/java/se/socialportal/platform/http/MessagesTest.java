package se.socialportal.platform.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Texts for people exist in Swedish and English alike")
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
}
