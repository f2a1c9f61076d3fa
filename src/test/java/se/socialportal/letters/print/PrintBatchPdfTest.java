package se.socialportal.letters.print;

import io.vertx.core.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.AddressSimulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The print batch PDF: an address sheet before each copy, one copy per recipient, protected post via Skatteverket")
class PrintBatchPdfTest {

  private static final PrintBatchPdf.Sender SENDER = new PrintBatchPdf.Sender("Demo kommun", "Socialnämnden",
    "Box 1, 999 99 Demostad");
  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  private static final Addressing.Recipient TOLVAN = new Addressing.Recipient(UUID.randomUUID(), "191212121212",
    "Tolvan Tolvansson", "none");
  private static final Addressing.Recipient TESTA = new Addressing.Recipient(UUID.randomUUID(), "198001019804",
    "Testa Testsson", "none");
  private static final Addressing.Recipient DEMO = new Addressing.Recipient(UUID.randomUUID(), "199207049843",
    "Demo Demosson", "none");
  private static final Addressing.Recipient SIGNE = new Addressing.Recipient(UUID.randomUUID(), "198503159827",
    "Signe Skyddad", "skyddad_folkbokforing");

  /** The simulator, and every person it was asked about. */
  private static final class Recording implements PostalAddressSource {
    final List<UUID> asked = new ArrayList<>();
    final AddressSimulator simulator = new AddressSimulator();

    @Override
    public Future<Optional<PostalAddress>> lookup(Query query) {
      asked.add(query.personId());
      return simulator.lookup(query);
    }

    @Override
    public boolean connected() {
      return true;
    }

    @Override
    public String name() {
      return "recording simulator";
    }
  }

  /** A stand-in for a stored letter: {@code pages} pages, each saying which letter and page it is. */
  private static byte[] letter(String name, int pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(60, 700);
          content.showText("Beslutsbrev " + name + " sida " + i);
          content.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> pageTexts(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }

  private static List<Addressing.Sheet> sheets(PostalAddressSource source, Addressing.Recipient... recipients) {
    return new Addressing(source).sheets(List.of(recipients)).result().orElseThrow();
  }

  @Test
  @DisplayName("pages = address sheets + each copy's letter pages, in letter order, a sheet before every copy")
  void pagesAndOrder() throws IOException {
    Recording source = new Recording();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    PrintBatchPdf.Result result = PrintBatchPdf.render(SENDER, DAY, List.of(
      new PrintBatchPdf.Item(a, "EB-2026-AAAAAAAA", sheets(source, TOLVAN), letter("A", 2)),
      new PrintBatchPdf.Item(b, "EB-2026-BBBBBBBB", sheets(source, TESTA, DEMO), letter("B", 3))));

    assertEquals(3, result.copies(), "one copy per recipient: Tolvan, then Testa and Demo");
    assertEquals(3 + 2 + 2 * 3, result.pages());
    List<String> pages = pageTexts(result.pdf());
    assertEquals(result.pages(), pages.size());
    // Letter A: its sheet, then its two pages.
    assertTrue(pages.get(0).contains("Tolvan Tolvansson") && pages.get(0).contains("Tolvansgatan 12"), pages.get(0));
    assertTrue(pages.get(0).contains("Socialnämnden, Demo kommun, Box 1, 999 99 Demostad"), "return address");
    assertTrue(pages.get(0).contains("Adressblad 1 av 2, exemplar 1 av 1") && pages.get(0).contains("EB-2026-AAAAAAAA"));
    assertTrue(pages.get(1).contains("Beslutsbrev A sida 1"));
    assertTrue(pages.get(2).contains("Beslutsbrev A sida 2"));
    // Letter B: a sheet and a whole copy for each adult of the household.
    assertTrue(pages.get(3).contains("Testa Testsson") && pages.get(3).contains("exemplar 1 av 2"), pages.get(3));
    for (int i = 1; i <= 3; i++) {
      assertTrue(pages.get(3 + i).contains("Beslutsbrev B sida " + i));
      assertTrue(pages.get(7 + i).contains("Beslutsbrev B sida " + i));
    }
    assertTrue(pages.get(7).contains("Demo Demosson") && pages.get(7).contains("Demogränd 7")
      && pages.get(7).contains("exemplar 2 av 2"), pages.get(7));
    assertFalse(pages.get(7).contains("Testa Testsson"), "each copy names its own recipient");
  }

  @Test
  @DisplayName("a protected recipient is never looked up: Skatteverket's forwarding address, name and personnummer on the inner envelope")
  void protectedIdentity() throws IOException {
    Recording source = new Recording();
    List<Addressing.Sheet> sheets = sheets(source, SIGNE, TOLVAN);
    assertEquals(List.of(TOLVAN.personId()), source.asked, "only the unprotected adult was looked up");
    Addressing.Sheet signe = sheets.get(0);
    assertEquals(List.of("Skatteverket", "Förmedlingsuppdrag", "Box 2820", "403 20 Göteborg"), signe.window());
    assertFalse(signe.toString().contains("Signe") || signe.toString().contains("19850315"), "no personal data in toString");

    PrintBatchPdf.Result result = PrintBatchPdf.render(SENDER, DAY, List.of(
      new PrintBatchPdf.Item(UUID.randomUUID(), "EB-2026-CCCCCCCC", sheets, letter("C", 1))));
    String sheet = pageTexts(result.pdf()).get(0);
    assertTrue(sheet.contains("Box 2820") && sheet.contains("403 20 Göteborg"), sheet);
    assertTrue(sheet.contains("Signe Skyddad, 19850315-9827"), "the inner envelope: name and personnummer");
    assertFalse(sheet.contains("Hemliga vägen") || sheet.contains("999 99 Hemort"), "never her address");
    assertFalse(new String(result.pdf(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Hemliga"));
    assertEquals(4, result.pages());
  }

  @Test
  @DisplayName("a recipient the register has no address for leaves the letter unaddressed, never half-addressed")
  void unknownAddress() {
    Recording source = new Recording();
    Addressing.Recipient unknown = new Addressing.Recipient(UUID.randomUUID(), "199001019999", "Okänd Person", "none");
    assertTrue(new Addressing(source).sheets(List.of(TOLVAN, unknown)).result().isEmpty());
    assertTrue(new Addressing(new NoPostalAddressSource()).sheets(List.of(TOLVAN)).failed(),
      "no source connected: no address is invented");
  }

  @Test
  @DisplayName("a character the font cannot draw is printed as '?' instead of stopping the batch")
  void undrawableCharacter() throws IOException {
    Addressing.Sheet sheet = new Addressing.Sheet(UUID.randomUUID(), List.of("Tolvan \uD80C\uDC00 Tolvansson",
      "Tolvansgatan 12", "999 91 Demostad"), Optional.empty());
    PrintBatchPdf.Result result = PrintBatchPdf.render(SENDER, DAY, List.of(
      new PrintBatchPdf.Item(UUID.randomUUID(), "EB-2026-DDDDDDDD", List.of(sheet), letter("D", 1))));
    assertTrue(pageTexts(result.pdf()).get(0).contains("Tolvan ? Tolvansson"));
  }

  @Test
  @DisplayName("the daily run's next time: today's if it is still ahead, else tomorrow's (Swedish time)")
  void schedule() {
    Instant morning = Instant.parse("2026-03-10T08:00:00Z"); // 09:00 in Stockholm
    assertEquals(java.time.Duration.ofHours(5), PrintQueueVerticle.untilNext(morning, LocalTime.of(14, 0)));
    assertEquals(java.time.Duration.ofHours(23), PrintQueueVerticle.untilNext(morning, LocalTime.of(8, 0)));
  }
}
