package se.socialportal.letters.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The print batch as one PDF: for each copy of each letter an address sheet, then the letter's own pages (the stored
 * PDF's bytes, unchanged). The sheet is laid out for a window envelope with the window on the left (DIN C5/C6/5: 20 mm
 * from the left edge, 45 mm from the top, 85 × 45 mm): the sender's return address on the window's first line, the
 * recipient below it. Whatever stands outside the window — which letter this is, and for post through Skatteverket
 * what goes on the inner envelope — is for the person who folds the letter. Blocking: call it on a worker thread.
 */
public final class PrintBatchPdf {

  private static final float MM = 72f / 25.4f;
  private static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
  private static final float WINDOW_LEFT = 20 * MM + 4;
  private static final float WINDOW_TOP = 45 * MM;
  private static final float WINDOW_WIDTH = 85 * MM - 8;
  private static final float NOTES_TOP = 110 * MM;
  private static final float NOTES_WIDTH = 170 * MM;

  /** Who sends: the return address printed in the window. */
  public record Sender(String municipality, String namnd, String postalAddress) {
  }

  /** One letter in the batch: its case reference, one sheet per copy, and its stored PDF. */
  public record Item(UUID letterId, String caseReference, List<Addressing.Sheet> sheets, byte[] letterPdf) {
  }

  /** The batch's PDF and its page count (address sheets + each copy's letter pages). */
  public record Result(byte[] pdf, int pages, int copies) {
  }

  private PrintBatchPdf() {
  }

  public static Result render(Sender sender, LocalDate day, List<Item> items) {
    List<PDDocument> letters = new ArrayList<>();
    try (PDDocument batch = new PDDocument()) {
      PDType0Font regular = font(batch, "/fonts/DejaVuSans.ttf");
      PDType0Font bold = font(batch, "/fonts/DejaVuSans-Bold.ttf");
      batch.getDocumentInformation().setTitle("Utskrift " + day + " – " + sender.namnd() + ", "
        + sender.municipality());
      batch.getDocumentCatalog().setLanguage("sv-SE");
      int copies = 0;
      for (int n = 0; n < items.size(); n++) {
        Item item = items.get(n);
        for (int copy = 0; copy < item.sheets().size(); copy++) {
          copies++;
          sheet(batch, regular, bold, sender, day, item, n + 1, items.size(), copy);
          // A fresh copy of the letter for each recipient: every sheet is followed by the whole letter.
          PDDocument letter = Loader.loadPDF(item.letterPdf());
          letters.add(letter);
          for (PDPage page : letter.getPages()) {
            batch.importPage(page);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      batch.save(out);
      return new Result(out.toByteArray(), batch.getNumberOfPages(), copies);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (PDDocument letter : letters) {
        try {
          letter.close();
        } catch (IOException ignored) {
          // Only read from; nothing to lose.
        }
      }
    }
  }

  private static void sheet(PDDocument batch, PDType0Font regular, PDType0Font bold, Sender sender, LocalDate day,
                            Item item, int number, int total, int copy) throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    batch.addPage(page);
    Addressing.Sheet sheet = item.sheets().get(copy);
    try (PDPageContentStream content = new PDPageContentStream(batch, page)) {
      line(content, regular, 7, WINDOW_LEFT, WINDOW_TOP + 9, fit(sender.namnd() + ", " + sender.municipality() + ", "
        + sender.postalAddress(), regular, 7, WINDOW_WIDTH));
      float y = WINDOW_TOP + 26;
      for (String text : sheet.window()) {
        line(content, regular, 11, WINDOW_LEFT, y, fit(text, regular, 11, WINDOW_WIDTH));
        y += 14;
      }
      float notes = NOTES_TOP;
      line(content, bold, 10, 20 * MM, notes, "Adressblad " + number + " av " + total + ", exemplar " + (copy + 1)
        + " av " + item.sheets().size() + " – utskrift " + day);
      line(content, regular, 9, 20 * MM, notes + 14, "Ärende " + item.caseReference() + ", brev " + item.letterId());
      if (sheet.forwarded()) {
        notes += 40;
        line(content, bold, 10, 20 * MM, notes, "Skyddade personuppgifter: skickas genom Skatteverkets postförmedling.");
        String[] steps = {
          "1. Lägg brevet i ett eget kuvert och förslut det.",
          "2. Skriv på kuvertet: " + sheet.innerEnvelope().orElseThrow(),
          "3. Skriv avsändarens adress på kuvertets baksida.",
          "4. Lägg kuvertet i ett ytterkuvert till Skatteverket (adressen i fönstret ovan).",
          "Mottagarens adress finns inte i systemet och får inte skrivas någonstans."};
        for (String step : steps) {
          notes += 14;
          line(content, regular, 9, 20 * MM, notes, fit(step, regular, 9, NOTES_WIDTH));
        }
      }
    }
  }

  private static void line(PDPageContentStream content, PDType0Font font, float size, float x, float fromTop,
                           String text) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, PAGE_HEIGHT - fromTop);
    // One unusual character in a name must not stop the day's batch.
    content.showText(PdfPageWriter.drawable(text, font));
    content.endText();
  }

  /** Cut to the window's width: a long line must not run past the window. */
  private static String fit(String text, PDType0Font font, float size, float width) throws IOException {
    String shown = PdfPageWriter.drawable(text, font);
    while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width) {
      shown = shown.substring(0, shown.length() - 1);
    }
    return shown;
  }

  private static PDType0Font font(PDDocument document, String resource) {
    try (InputStream in = PrintBatchPdf.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return PDType0Font.load(document, in, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
