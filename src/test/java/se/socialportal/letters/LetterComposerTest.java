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

@DisplayName("A letter names the municipality's own nämnd, tells each part by itself and follows the channel")
class LetterComposerTest {

  private static final JsonObject TENANT = new JsonObject().put("name", "Grannkommun")
    .put("namnd", "Arbetsmarknadsnämnden").put("postal_address", "Box 2, 888 88 Grannby")
    .put("contact_phone", "0123-1").put("contact_email", "eb@grannkommun.example");

  private static LetterComposer.Part month() {
    JsonArray lines = new JsonArray().add(new JsonObject().put("section", "riksnorm").put("label", "Ensamstående")
      .put("amount", "3390.00"));
    return new LetterComposer.Part("forsorjningsstod", "Försörjningsstöd", "bifall", new BigDecimal("3390.00"),
      new BigDecimal("3390.00"), lines, "Du har rätt till försörjningsstöd.",
      List.of("12 kap. 1 § socialtjänstlagen (2025:400)"),
      DecisionLetter.DecidedBy.person("Anna A", "Handläggare", "Delegationsordning 3.1"));
  }

  private static LetterComposer.Part need() {
    JsonArray lines = new JsonArray().add(new JsonObject().put("section", "need").put("label", "Tandvård")
      .put("amount", 12000));
    return new LetterComposer.Part("livsforing_ovrigt", "Tandvård", "delvis_bifall", new BigDecimal("8000.00"),
      new BigDecimal("12000.00"), lines, "Akut tandvård beviljas.", List.of("12 kap. 1 § socialtjänstlagen (2025:400)"),
      DecisionLetter.DecidedBy.person("Erik E", "Enhetschef", "Delegationsordning 8.1.1 b"));
  }

  @Test
  @DisplayName("appeals go to the nämnd the municipality names (FL 33 §), not to a fixed 'Socialnämnden'")
  void namndFromTenant() throws Exception {
    DecisionLetter letter = LetterComposer.compose(TENANT, "Test Testsson", "EB-2025-1", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), "digital", List.of(month()));
    assertEquals("Arbetsmarknadsnämnden", letter.sender().namnd());
    String text = se.socialportal.testing.PdfText.of(DecisionLetterPdf.render(letter));
    assertTrue(text.contains("Arbetsmarknadsnämnden, Box 2, 888 88 Grannby"), text);
    assertEquals("Socialnämnden", LetterComposer.compose(TENANT.copy().put("namnd", null), "T", "EB-1",
      LocalDate.of(2025, 10, 3), YearMonth.of(2025, 10), "digital", List.of(month())).sender().namnd());
  }

  @Test
  @DisplayName("the month comes first and each need is its own part with its applied and granted amount")
  void partsInOrder() {
    DecisionLetter letter = LetterComposer.compose(TENANT, "Test Testsson", "EB-2025-1", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), "paper", List.of(need(), month()));
    assertEquals(List.of(DecisionLetter.Kind.MONTH, DecisionLetter.Kind.NEED),
      letter.parts().stream().map(DecisionLetter.Part::kind).toList());
    DecisionLetter.Part need = letter.parts().get(1);
    assertEquals(DecisionLetter.Outcome.DELVIS_BIFALL, need.outcome());
    assertEquals(0, new BigDecimal("12000").compareTo(need.applied()));
    assertEquals("Erik E", need.decidedBy().name());
    assertFalse(letter.digital(), "a paper application gets the paper texts");
  }
}
