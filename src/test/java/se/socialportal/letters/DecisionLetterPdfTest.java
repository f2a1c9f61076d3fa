package se.socialportal.letters;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Decision letters carry what FL 31–33 §§ require, in an embedded font")
class DecisionLetterPdfTest {

  private static final DecisionLetter.Sender SENDER = new DecisionLetter.Sender("Demo kommun", "Socialnämnden",
    "Box 1, 999 99 Demostad", "0123-456 00", "socialtjansten@demo.example");

  private static DecisionLetter letter(DecisionLetter.Outcome outcome, BigDecimal amount, DecisionLetter.DecidedBy by,
                                       List<DecisionLetter.Line> lines) {
    return new DecisionLetter(SENDER, "Åsa Öberg-Ärlig", "EB-2025-000123", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), outcome, amount, lines,
      List.of("Hushållets behov enligt riksnormen och skäliga kostnader är 23 530 kr och inkomsterna 14 100 kr."),
      List.of("12 kap. 1 § socialtjänstlagen (2025:400)", "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)"),
      by, new DecisionLetter.Contact("Anna Handläggarsson", "0123-456 10", "anna@demo.example"));
  }

  private static List<DecisionLetter.Line> workedExample() {
    return List.of(
      new DecisionLetter.Line(DecisionLetter.Section.RIKSNORM, "Förälder, ensamstående", new BigDecimal("3910"), ""),
      new DecisionLetter.Line(DecisionLetter.Section.RIKSNORM, "Barn 4–6 år", new BigDecimal("2700"), "lunch utanför hemmet"),
      new DecisionLetter.Line(DecisionLetter.Section.COST, "Hyra", new BigDecimal("8200"), ""),
      new DecisionLetter.Line(DecisionLetter.Section.INCOME, "Lön efter skatt", new BigDecimal("-6750"), "25 % jobbstimulans"),
      new DecisionLetter.Line(DecisionLetter.Section.TOTAL, "Försörjningsstöd", new BigDecimal("9430"), ""));
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  @DisplayName("a granted decision: amount, lines, motivering, lagrum, decider and delegation, appeal, contact")
  void grantedDecision() throws Exception {
    byte[] pdf = DecisionLetterPdf.render(letter(DecisionLetter.Outcome.BIFALL, new BigDecimal("9430"),
      DecisionLetter.DecidedBy.person("Anna Handläggarsson", "Handläggare", "Delegationsordning 8.1.1"), workedExample()));
    String text = text(pdf);
    assertTrue(text.contains("Du beviljas ekonomiskt bistånd med 9 430 kr för oktober 2025."), text);
    assertTrue(text.contains("Åsa Öberg-Ärlig"), "å ä ö survive the round trip");
    assertTrue(text.contains("Lön efter skatt (25 % jobbstimulans)"), text);
    assertTrue(text.contains("−6 750 kr"), text);
    assertTrue(text.contains("Motivering") && text.contains("12 kap. 1 § socialtjänstlagen (2025:400)"), "FL 32 §");
    assertTrue(text.contains("Anna Handläggarsson, Handläggare") && text.contains("Enligt delegation: Delegationsordning 8.1.1"),
      "FL 31 §");
    assertTrue(text.contains("förvaltningsrätten") && text.contains("inom tre veckor"), "FL 33 §");
    assertTrue(text.contains("0123-456 10"), "contact details");
    assertTrue(text.contains("sida 1 av"), "page numbers");
  }

  @Test
  @DisplayName("an automated decision names KL 6 kap. 37 § and the rule versions")
  void automatedDecision() throws Exception {
    String text = text(DecisionLetterPdf.render(letter(DecisionLetter.Outcome.BIFALL, new BigDecimal("9430"),
      DecisionLetter.DecidedBy.automated("Delegationsordning 8.1.1 a", "riksnorm-2025 v1, caps-demo v1"), workedExample())));
    assertTrue(text.contains("6 kap. 37 § kommunallagen"), text);
    assertTrue(text.contains("riksnorm-2025 v1, caps-demo v1"), text);
  }

  @Test
  @DisplayName("an avslag says so and still tells how to appeal")
  void rejection() throws Exception {
    String text = text(DecisionLetterPdf.render(letter(DecisionLetter.Outcome.AVSLAG, BigDecimal.ZERO,
      DecisionLetter.DecidedBy.person("Anna Handläggarsson", "Handläggare", "8.1.1"), List.of())));
    assertTrue(text.contains("Din ansökan om ekonomiskt bistånd för oktober 2025 avslås."), text);
    assertTrue(text.contains("Hur du överklagar"));
  }

  @Test
  @DisplayName("an återkrav or eftergift letter is titled as such and shows no monthly calculation; a granted one does")
  void claimAndWaiverLetters() throws Exception {
    io.vertx.core.json.JsonObject tenant = new io.vertx.core.json.JsonObject().put("name", "Demo kommun")
      .put("namnd", "Socialnämnden").put("postal_address", "Box 1, 999 99 Demostad");
    for (String type : List.of("aterkrav", "eftergift")) {
      // As AterkravService composes it: one part, no calculation lines; the composer adds the total.
      DecisionLetter letter = LetterComposer.compose(tenant, "Åsa Öberg-Ärlig", "EB-2025-000123",
        LocalDate.of(2025, 11, 3), YearMonth.of(2025, 10), List.of(new LetterComposer.Part(type, type, "beslutat",
          new BigDecimal("5000.00"), new io.vertx.core.json.JsonArray(), "Skäl.",
          List.of("9 kap. 1 § socialtjänstlagen (2001:453)"), "Delegationsordning 8.3")),
        new LetterComposer.Decider("Erik Enhetschefsson", "Enhetschef"));
      byte[] pdf = DecisionLetterPdf.render(letter);
      String heading = type.equals("aterkrav") ? "Beslut om återkrav av ekonomiskt bistånd för oktober 2025"
        : "Beslut om eftergift av återkrav av ekonomiskt bistånd för oktober 2025";
      try (PDDocument document = Loader.loadPDF(pdf)) {
        assertEquals(heading, document.getDocumentInformation().getTitle(), type);
      }
      String text = text(pdf);
      assertTrue(text.contains(type.equals("aterkrav") ? "Nämnden återkräver 5 000 kr" : "Nämnden efterger 5 000 kr"),
        text);
      assertFalse(text.contains("kronor per månad"), "a one-off claim is not a monthly calculation: " + text);
    }
    byte[] granted = DecisionLetterPdf.render(letter(DecisionLetter.Outcome.BIFALL, new BigDecimal("9430"),
      DecisionLetter.DecidedBy.person("Anna", "Handläggare", "8.1.1"), workedExample()));
    try (PDDocument document = Loader.loadPDF(granted)) {
      assertEquals("Beslut om ekonomiskt bistånd (försörjningsstöd) för oktober 2025",
        document.getDocumentInformation().getTitle());
    }
    assertTrue(text(granted).contains("Så har vi räknat (kronor per månad)"));
  }

  @Test
  @DisplayName("every font is embedded, a long letter breaks onto more pages, and no personnummer-like number appears")
  void embeddedFontsAndPagination() throws Exception {
    List<DecisionLetter.Line> many = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      many.add(new DecisionLetter.Line(DecisionLetter.Section.COST, "Kostnad nummer " + i, new BigDecimal("100.50"), ""));
    }
    byte[] pdf = DecisionLetterPdf.render(letter(DecisionLetter.Outcome.BIFALL, new BigDecimal("9045"),
      DecisionLetter.DecidedBy.person("Anna", "Handläggare", "8.1.1"), many));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertTrue(document.getNumberOfPages() >= 2);
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertTrue(font.isEmbedded(), font.getName() + " is embedded");
        }
      }
      String text = new PDFTextStripper().getText(document);
      assertTrue(text.contains("100,50 kr"));
      assertFalse(text.matches("(?s).*\\d{6}[-+]?\\d{4}.*"), "no personnummer-like numbers");
    }
  }

  @Test
  @DisplayName("a character the font lacks is printed as '?' instead of failing the letter")
  void missingGlyph() throws Exception {
    DecisionLetter odd = new DecisionLetter(SENDER, "Namn med tecken \u6F22", "EB-1", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), DecisionLetter.Outcome.AVSLAG, BigDecimal.ZERO, List.of(), List.of("Skäl."), List.of(),
      DecisionLetter.DecidedBy.person("A", "B", "C"), new DecisionLetter.Contact("A", "1", "a@b"));
    String text = text(DecisionLetterPdf.render(odd));
    assertTrue(text.contains("Namn med tecken ?"), text);
  }

  @Test
  @DisplayName("kronor are written the Swedish way")
  void kronor() {
    assertEquals("9 430 kr", DecisionLetterPdf.kronor(new BigDecimal("9430")));
    assertEquals("4 412,50 kr", DecisionLetterPdf.kronor(new BigDecimal("4412.5")));
    assertEquals("0 kr", DecisionLetterPdf.kronor(BigDecimal.ZERO));
  }
}
