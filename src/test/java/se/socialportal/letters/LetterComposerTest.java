package se.socialportal.letters;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A letter names the municipality's own nämnd and who decided")
class LetterComposerTest {

  private static final JsonObject TENANT = new JsonObject().put("name", "Grannkommun")
    .put("namnd", "Arbetsmarknadsnämnden").put("postal_address", "Box 2, 888 88 Grannby")
    .put("contact_phone", "0123-1").put("contact_email", "eb@grannkommun.example");

  private static List<LetterComposer.Part> parts() {
    JsonArray lines = new JsonArray().add(new JsonObject().put("section", "riksnorm").put("label", "Ensamstående")
      .put("amount", "3390.00"));
    return List.of(new LetterComposer.Part("forsorjningsstod", "Försörjningsstöd", "bifall", new BigDecimal("3390.00"),
      lines, "Du har rätt till försörjningsstöd.", List.of("12 kap. 1 § socialtjänstlagen (2025:400)"),
      "Delegationsordning 3.1"));
  }

  @Test
  @DisplayName("appeals go to the nämnd the municipality names (FL 33 §), not to a fixed 'Socialnämnden'")
  void namndFromTenant() {
    DecisionLetter letter = LetterComposer.compose(TENANT, "Test Testsson", "EB-2025-1", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), parts(), new LetterComposer.Decider("Anna A", "Handläggare"));
    assertEquals("Arbetsmarknadsnämnden", letter.sender().namnd());
    assertFalse(letter.decidedBy().automated());
    assertEquals("Delegationsordning 3.1", letter.decidedBy().delegation());
    String text = se.socialportal.testing.PdfText.of(DecisionLetterPdf.render(letter));
    assertTrue(text.contains("Arbetsmarknadsnämnden, Box 2, 888 88 Grannby"), text);
  }

  @Test
  @DisplayName("an automated decision's letter carries the automation rule and every rule version")
  void automated() {
    DecisionLetter letter = LetterComposer.composeAutomated(TENANT.copy().put("namnd", null), "Test Testsson",
      "EB-2025-1", LocalDate.of(2025, 10, 3), YearMonth.of(2025, 10), parts(), "riksnorm riksnorm-2025");
    assertTrue(letter.decidedBy().automated());
    assertEquals("riksnorm riksnorm-2025", letter.decidedBy().ruleVersions().orElseThrow());
    assertEquals("Socialnämnden", letter.sender().namnd(), "a tenant row without a nämnd name gets the usual one");
  }
}
