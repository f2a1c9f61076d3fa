package se.socialportal.bistand.signing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resident's receipt of a signature, as a PDF: the text the BankID app showed and the signer approved, word for
 * word, who signed and when, the BankID order and the SHA-256 of the signed content, then that content itself — every
 * person, amount and document of the application — when the application still holds exactly what was signed.
 * Rendering is blocking (PDFBox): callers run it on a worker.
 */
public final class SignatureReceipt {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH:mm", SWEDISH);
  private static final Map<String, String> SECTIONS = Map.of("household", "Hushållet", "housing", "Boendet",
    "incomes", "Inkomster", "costs", "Utgifter", "assets", "Tillgångar", "needs", "Livsföring i övrigt",
    "message", "Meddelande", "declaration", "Försäkran");
  private static final List<String> ORDER = List.of("household", "housing", "incomes", "costs", "assets", "needs",
    "message", "declaration");

  private SignatureReceipt() {
  }

  /** @param signerName the signer's name as the population register gives it (may be empty) */
  public static byte[] pdf(ApplicationRow application, SignatureRepository.Signed signed, String signerName,
                           List<String> attachmentNames) {
    SignatureRepository.Signature signature = signed.signature();
    String month = application.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " "
      + application.month().getYear();
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle("Kvitto – ansökan om ekonomiskt bistånd " + month);
      info.setCreator("Socialportalen");
      document.setDocumentInformation(info);
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        page.heading("Kvitto på din underskrift", 16);
        page.text("Ansökan om ekonomiskt bistånd för " + month + ".");
        page.text(("coApplicant".equals(signature.role()) ? "Medsökande" : "Sökande")
          + (signerName == null || signerName.isBlank() ? "" : " " + signerName) + " skrev under med BankID "
          + WHEN.format(signature.signedAt().atZone(STOCKHOLM)) + ".");
        page.heading("Det här visade BankID-appen och det här skrev du under", 12);
        page.text(plain(signed.userVisibleData()));
        page.heading("Bevis", 12);
        page.text("BankID-order: " + signed.orderRef());
        page.text("Kontrollsumma (SHA-256) för ansökans innehåll: " + signature.contentHash());
        page.text("Version av ansökan: " + signature.version());
        if (application.contentHash().equals(signature.contentHash())) {
          page.heading("Ansökans innehåll, så som det skrevs under", 12);
          content(page, application.content());
        } else {
          page.space(6);
          page.text("Ansökan har ändrats efter underskriften; kontrollsumman ovan gäller den version som skrevs under.");
        }
        page.heading("Bifogade dokument", 12);
        if (attachmentNames.isEmpty()) {
          page.text("Inga.");
        }
        attachmentNames.forEach(name -> page.text("• " + name));
        page.numberPages("Kvitto, ansökan " + month);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The BankID text without its simpleMarkdownV1 marks. */
  static String plain(String markdown) {
    return markdown.replaceAll("(?m)^#+\\s*", "").replace("\n\n", "\n").strip();
  }

  private static void content(PdfPageWriter page, JsonObject content) {
    for (String section : ORDER) {
      Object value = content.getValue(section);
      if (value == null || value instanceof JsonArray array && array.isEmpty()) {
        continue;
      }
      page.boldText(SECTIONS.get(section));
      lines(page, value, "");
    }
  }

  private static void lines(PdfPageWriter page, Object value, String prefix) {
    if (value instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        Object inner = object.getValue(key);
        if (inner instanceof JsonObject || inner instanceof JsonArray) {
          lines(page, inner, prefix + key + " › ");
        } else if (inner != null) {
          page.text(prefix + key + ": " + text(key, inner));
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        lines(page, array.getValue(i), prefix + (i + 1) + ". ");
      }
    } else if (value != null) {
      page.text(prefix + text("", value));
    }
  }

  private static String text(String key, Object value) {
    if (value instanceof Boolean yes) {
      return yes ? "ja" : "nej";
    }
    if (value instanceof Number number && !key.toLowerCase(Locale.ROOT).contains("days")) {
      return SigningSummary.kronor(new BigDecimal(number.toString()));
    }
    return String.valueOf(value);
  }
}
