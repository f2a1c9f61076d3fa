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

@DisplayName("Decision letters carry what FL 31–33 §§ require, part by part, in an embedded font")
class DecisionLetterPdfTest {

  private static final DecisionLetter.Sender SENDER = new DecisionLetter.Sender("Demo kommun", "Socialnämnden",
    "Box 1, 999 99 Demostad", "0123-456 00", "socialtjansten@demo.example");
  private static final List<String> SOL = List.of("12 kap. 1 § socialtjänstlagen (2025:400)",
    "12 kap. 2–3 §§ socialtjänstförordningen (2025:468)");

  static DecisionLetter letter(boolean digital, DecisionLetter.Part... parts) {
    return new DecisionLetter(SENDER, "Åsa Öberg-Ärlig", "EB-2025-000123", LocalDate.of(2025, 10, 3),
      YearMonth.of(2025, 10), digital, List.of(parts),
      new DecisionLetter.Contact("Anna Handläggarsson", "0123-456 10", "anna@demo.example"));
  }

  static DecisionLetter.Part month(DecisionLetter.Outcome outcome, BigDecimal amount, List<DecisionLetter.Line> lines,
                                   DecisionLetter.DecidedBy by) {
    return new DecisionLetter.Part(DecisionLetter.Kind.MONTH, "Försörjningsstöd", outcome, amount, amount, lines,
      "Hushållets behov enligt riksnormen och skäliga kostnader är större än inkomsterna.", SOL, by);
  }

  static List<DecisionLetter.Line> workedExample() {
    return List.of(
      new DecisionLetter.Line(DecisionLetter.Section.RIKSNORM, "Förälder, ensamstående", new BigDecimal("3910"), ""),
      new DecisionLetter.Line(DecisionLetter.Section.RIKSNORM, "Barn 4–6 år", new BigDecimal("2700"), "lunch utanför hemmet"),
      new DecisionLetter.Line(DecisionLetter.Section.COST, "Hyra", new BigDecimal("8200"), ""),
      new DecisionLetter.Line(DecisionLetter.Section.INCOME, "Lön efter skatt", new BigDecimal("5380"), "25 % jobbstimulans"));
  }

  private static DecisionLetter.DecidedBy anna() {
    return DecisionLetter.DecidedBy.person("Anna Handläggarsson", "Handläggare", "Delegationsordning 8.1.1");
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // Lines wrap where the page ends; the words are what the resident reads.
      return new PDFTextStripper().getText(document).replaceAll("[ \\t\\r\\n]+", " ");
    }
  }

  @Test
  @DisplayName("a granted month: amount, the calculation with incomes deducted and subtotals, motivering, lagrum, decider, appeal, contact")
  void grantedDecision() throws Exception {
    byte[] pdf = DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.BIFALL, new BigDecimal("9430"),
      workedExample(), anna())));
    String text = text(pdf);
    assertTrue(text.contains("Du beviljas försörjningsstöd med 9 430 kr för oktober 2025."), text);
    assertTrue(text.contains("Åsa Öberg-Ärlig"), "å ä ö survive the round trip");
    assertTrue(text.contains("Lön efter skatt (25 % jobbstimulans)"), text);
    assertTrue(text.contains("−5 380 kr"), "an income is a deduction: " + text);
    assertTrue(text.contains("Behov (riksnorm + skäliga kostnader) 14 810 kr"), text);
    assertTrue(text.contains("Behov − inkomster 9 430 kr"), text);
    assertTrue(text.contains("Försörjningsstöd för oktober 2025 9 430 kr"), text);
    assertTrue(text.contains("Motivering") && text.contains("12 kap. 1 § socialtjänstlagen (2025:400)"), "FL 32 §");
    assertTrue(text.contains("Anna Handläggarsson, Handläggare. Enligt delegation: Delegationsordning 8.1.1"), text);
    assertTrue(text.contains("förvaltningsrätten") && text.contains("inom tre veckor"), "FL 33 §");
    assertTrue(text.contains("Mina sidor"), "a digital applicant is pointed to Mina sidor");
    assertTrue(text.contains("0123-456 10"), "contact details");
    assertTrue(text.contains("sida 1 av"), "page numbers");
    assertFalse(text.contains("2025-10 "), "months are named, not numbered: " + text);
  }

  @Test
  @DisplayName("a paper applicant's letter never sends them to Mina sidor")
  void paperApplicant() throws Exception {
    String text = text(DecisionLetterPdf.render(letter(false, month(DecisionLetter.Outcome.BIFALL,
      new BigDecimal("9430"), workedExample(), anna()))));
    assertFalse(text.contains("Mina sidor"), text);
    assertTrue(text.contains("du ska skicka eller lämna ditt överklagande till Socialnämnden, Box 1, 999 99 Demostad"),
      text);
  }

  @Test
  @DisplayName("two parts by two deciders: a summary, each part with its own amount, motivering, lagrum and decider")
  void decisionInParts() throws Exception {
    DecisionLetter.Part need = new DecisionLetter.Part(DecisionLetter.Kind.NEED, "Möbler efter flytt",
      DecisionLetter.Outcome.BIFALL, new BigDecimal("12000"), new BigDecimal("12000"),
      List.of(new DecisionLetter.Line(DecisionLetter.Section.NEED, "Möbler efter flytt", new BigDecimal("12000"), "säng, bord")),
      "Möblerna behövs för en skälig levnadsnivå.", List.of("12 kap. 1 § socialtjänstlagen (2025:400)"),
      DecisionLetter.DecidedBy.person("Erik Enhetschefsson", "Enhetschef", "Delegationsordning 8.1.1 b")
        .preparedBy("Anna Handläggarsson, Handläggare"));
    String text = text(DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.BIFALL,
      new BigDecimal("9430"), workedExample(), anna()), need)));
    assertTrue(text.contains("1. Försörjningsstöd för oktober 2025: Bifall, 9 430 kr"), text);
    assertTrue(text.contains("2. Möbler efter flytt (engångsbelopp): Bifall, 12 000 kr"), text);
    assertTrue(text.contains("Du beviljas 12 000 kr som ett engångsbelopp för möbler efter flytt."), text);
    assertTrue(text.contains("Erik Enhetschefsson, Enhetschef. Enligt delegation: Delegationsordning 8.1.1 b"), text);
    assertTrue(text.contains("Beslutsunderlaget har beretts av Anna Handläggarsson, Handläggare."), text);
    assertFalse(text.contains("21 430"), "the parts are never added into one monthly sum: " + text);
  }

  @Test
  @DisplayName("an automated decision names KL 6 kap. 37 § and the nämnd's delegation, not internal rule-version ids")
  void automatedDecision() throws Exception {
    String text = text(DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.BIFALL,
      new BigDecimal("9430"), workedExample(), DecisionLetter.DecidedBy.automated("Nämndens beslut 2025-05-20 § 12")))));
    assertTrue(text.contains("6 kap. 37 § kommunallagen"), text);
    assertTrue(text.contains("Nämndens beslut 2025-05-20 § 12"), text);
    assertFalse(text.contains("Regelversioner"), text);
  }

  @Test
  @DisplayName("an avslag says so; income above the need is told as such")
  void rejection() throws Exception {
    List<DecisionLetter.Line> surplus = List.of(
      new DecisionLetter.Line(DecisionLetter.Section.RIKSNORM, "Ensamstående", new BigDecimal("5220"), ""),
      new DecisionLetter.Line(DecisionLetter.Section.INCOME, "Lön", new BigDecimal("6000"), ""));
    String text = text(DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.AVSLAG, BigDecimal.ZERO,
      surplus, anna()))));
    assertTrue(text.contains("Din ansökan om försörjningsstöd för oktober 2025 avslås."), text);
    assertTrue(text.contains("Inkomsterna är 780 kr högre än behovet."), text);
    assertTrue(text.contains("Hur du överklagar"));
  }

  @Test
  @DisplayName("an återkrav or eftergift letter is titled as such and shows no monthly calculation")
  void claimAndWaiverLetters() throws Exception {
    io.vertx.core.json.JsonObject tenant = new io.vertx.core.json.JsonObject().put("name", "Demo kommun")
      .put("namnd", "Socialnämnden").put("postal_address", "Box 1, 999 99 Demostad");
    for (String type : List.of("aterkrav", "eftergift")) {
      DecisionLetter letter = LetterComposer.compose(tenant, "Åsa Öberg-Ärlig", "EB-2025-000123",
        LocalDate.of(2025, 11, 3), YearMonth.of(2025, 10), "digital", List.of(new LetterComposer.Part(type, type,
          "beslutat", new BigDecimal("5000.00"), new BigDecimal("5000.00"), new io.vertx.core.json.JsonArray(), "Skäl.",
          List.of("9 kap. 1 § socialtjänstlagen (2001:453)"),
          DecisionLetter.DecidedBy.person("Erik Enhetschefsson", "Enhetschef", "Delegationsordning 8.3"))));
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
  }

  @Test
  @DisplayName("every font is embedded, a long letter breaks onto more pages, and no personnummer-like number appears")
  void embeddedFontsAndPagination() throws Exception {
    List<DecisionLetter.Line> many = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      many.add(new DecisionLetter.Line(DecisionLetter.Section.COST, "Kostnad nummer " + i, new BigDecimal("100.50"), ""));
    }
    byte[] pdf = DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.BIFALL, new BigDecimal("9045"),
      many, anna())));
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
      YearMonth.of(2025, 10), true, List.of(month(DecisionLetter.Outcome.AVSLAG, BigDecimal.ZERO, List.of(),
        DecisionLetter.DecidedBy.person("A", "B", "C"))), new DecisionLetter.Contact("A", "1", "a@b"));
    String text = text(DecisionLetterPdf.render(odd));
    assertTrue(text.contains("Namn med tecken ?"), text);
  }

  @Test
  @DisplayName("the PDF is tagged: marked, Swedish, its title shown, a structure tree in reading order, page numbers as artifacts")
  void tagged() throws Exception {
    byte[] pdf = DecisionLetterPdf.render(letter(true, month(DecisionLetter.Outcome.BIFALL, new BigDecimal("9430"),
      workedExample(), anna())));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var catalog = document.getDocumentCatalog();
      assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), "marked as tagged");
      assertEquals("sv-SE", catalog.getLanguage());
      assertTrue(catalog.getViewerPreferences().displayDocTitle(), "viewers show the title, not the file name");
      var root = catalog.getStructureTreeRoot();
      assertTrue(root != null && root.getParentTree() != null, "a structure tree with its parent tree");
      var documentElement = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement)
        root.getKids().get(0);
      assertEquals("Document", documentElement.getStructureType());
      List<String> types = new ArrayList<>();
      for (Object kid : documentElement.getKids()) {
        types.add(((org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement) kid)
          .getStructureType());
      }
      assertEquals(1, types.stream().filter("H1"::equals).count(), "one title: " + types);
      assertTrue(types.indexOf("H1") < types.indexOf("H2"), "the title before the sections: " + types);
      assertTrue(types.containsAll(List.of("P", "H3")), types.toString());
      assertEquals(0, document.getPage(0).getStructParents());
      String content = new String(document.getPage(0).getContents().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(content.contains("/H1 <</MCID") || content.contains("/H1 << /MCID"), "text is marked content");
      assertTrue(content.contains("/Artifact"), "page numbers are artifacts");
    }
  }

  @Test
  @DisplayName("kronor are written the Swedish way, deductions with a minus sign; months by name")
  void kronor() {
    assertEquals("9 430 kr", DecisionLetterPdf.kronor(new BigDecimal("9430")));
    assertEquals("4 412,50 kr", DecisionLetterPdf.kronor(new BigDecimal("4412.5")));
    assertEquals("−2 100 kr", DecisionLetterPdf.kronor(new BigDecimal("-2100")));
    assertEquals("0 kr", DecisionLetterPdf.kronor(BigDecimal.ZERO));
    assertEquals("december 2026", DecisionLetterPdf.monthName(YearMonth.of(2026, 12)));
  }
}
