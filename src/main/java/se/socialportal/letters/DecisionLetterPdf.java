package se.socialportal.letters;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders a {@link DecisionLetter} as a PDF. Blocking (font embedding, layout): call it on a worker thread.
 * The wording follows FL 31–33 §§ and the överklagandehänvisning municipalities use for ekonomiskt bistånd.
 */
public final class DecisionLetterPdf {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private DecisionLetterPdf() {
  }

  public static byte[] render(DecisionLetter letter) {
    try (PDDocument document = new PDDocument()) {
      describe(document, letter);
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        header(page, letter);
        decision(page, letter);
        calculation(page, letter);
        motivering(page, letter);
        decidedBy(page, letter);
        appeal(page, letter);
        contact(page, letter);
        page.numberPages(letter.sender().namnd() + ", " + letter.sender().municipality() + " – ärende "
          + letter.caseReference());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void describe(PDDocument document, DecisionLetter letter) {
    PDDocumentInformation info = document.getDocumentInformation();
    // The title is what a screen reader announces and a viewer shows first: the same words as the letter's heading.
    info.setTitle(title(letter));
    info.setAuthor(letter.sender().namnd() + ", " + letter.sender().municipality());
    info.setSubject("Ärende " + letter.caseReference());
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Europe/Stockholm"), SWEDISH);
    created.clear();
    created.set(letter.decisionDate().getYear(), letter.decisionDate().getMonthValue() - 1,
      letter.decisionDate().getDayOfMonth());
    info.setCreationDate(created);
    document.getDocumentCatalog().setLanguage("sv-SE");
  }

  private static void header(PdfPageWriter page, DecisionLetter letter) {
    page.boldText(letter.sender().municipality());
    page.text(letter.sender().namnd());
    page.text(letter.sender().postalAddress());
    page.space(14);
    page.text("Till: " + letter.recipientName());
    page.text("Datum: " + DATE.format(letter.decisionDate()));
    page.text("Ärende: " + letter.caseReference());
    page.heading(title(letter), 15);
  }

  static String title(DecisionLetter letter) {
    return switch (letter.outcome()) {
      case ATERKRAV -> "Beslut om återkrav av ekonomiskt bistånd för " + monthName(letter);
      case EFTERGIFT -> "Beslut om eftergift av återkrav av ekonomiskt bistånd för " + monthName(letter);
      default -> "Beslut om ekonomiskt bistånd (försörjningsstöd) för " + monthName(letter);
    };
  }

  private static void decision(PdfPageWriter page, DecisionLetter letter) {
    page.heading("Beslut", 12);
    page.boldText(letter.outcome().label());
    switch (letter.outcome()) {
      case BIFALL:
        page.text("Du beviljas ekonomiskt bistånd med " + kronor(letter.grantedAmount()) + " för " + monthName(letter)
          + ".");
        break;
      case DELVIS_BIFALL:
        page.text("Du beviljas ekonomiskt bistånd med " + kronor(letter.grantedAmount()) + " för " + monthName(letter)
          + ". Det du ansökt om i övrigt avslås.");
        break;
      case ATERKRAV:
        page.text("Nämnden återkräver " + kronor(letter.grantedAmount()) + " av det ekonomiska bistånd som betalades "
          + "ut till dig för " + monthName(letter) + ". Hur och när du betalar står i motiveringen nedan; hör av dig "
          + "om du inte kan betala.");
        break;
      case EFTERGIFT:
        page.text("Nämnden efterger " + kronor(letter.grantedAmount()) + " av återkravet för " + monthName(letter)
          + ". Det beloppet behöver du inte betala tillbaka.");
        break;
      default:
        page.text("Din ansökan om ekonomiskt bistånd för " + monthName(letter) + " avslås.");
    }
  }

  private static void calculation(PdfPageWriter page, DecisionLetter letter) {
    // Only the total means there was no calculation (återkrav, eftergift): the decision sentence already gives the
    // amount, and a lone sum under "kronor per månad" would misstate a one-off claim as a monthly figure.
    if (letter.lines().stream().allMatch(line -> line.section() == DecisionLetter.Section.TOTAL)) {
      return;
    }
    page.heading("Så har vi räknat (kronor per månad)", 12);
    DecisionLetter.Section current = null;
    for (DecisionLetter.Line line : letter.lines()) {
      if (line.section() != current && line.section() != DecisionLetter.Section.TOTAL) {
        current = line.section();
        page.space(4);
        page.boldText(current.heading());
      }
      String label = line.note() == null || line.note().isBlank() ? line.label() : line.label() + " (" + line.note() + ")";
      page.row(label, kronor(line.amount()), line.section() == DecisionLetter.Section.TOTAL);
    }
  }

  private static void motivering(PdfPageWriter page, DecisionLetter letter) {
    page.heading("Motivering", 12);
    for (String paragraph : letter.motivering()) {
      page.text(paragraph);
      page.space(4);
    }
    if (!letter.legalBasis().isEmpty()) {
      page.boldText("Lagrum");
      for (String basis : letter.legalBasis()) {
        page.text(basis);
      }
    }
  }

  private static void decidedBy(PdfPageWriter page, DecisionLetter letter) {
    DecisionLetter.DecidedBy by = letter.decidedBy();
    page.heading("Beslutsfattare", 12);
    if (by.automated()) {
      page.text("Beslutet är fattat automatiserat med stöd av 6 kap. 37 § kommunallagen och nämndens delegation ("
        + by.delegation() + ").");
      by.ruleVersions().ifPresent(versions -> page.text("Regelversioner: " + versions));
    } else {
      page.text(by.name() + (by.title().isBlank() ? "" : ", " + by.title()));
      page.text("Enligt delegation: " + by.delegation());
    }
  }

  private static void appeal(PdfPageWriter page, DecisionLetter letter) {
    page.heading("Hur du överklagar", 12);
    page.text("Om du inte är nöjd med beslutet kan du överklaga det. Överklagandet prövas av förvaltningsrätten, men "
      + "du ska skicka eller lämna ditt överklagande till " + letter.sender().namnd() + ", " + letter.sender().postalAddress()
      + ". Har du ansökt i e-tjänsten kan du överklaga där: logga in på Mina sidor, öppna beslutet och välj "
      + "Överklaga beslutet. Du skriver under med BankID, och överklagandet får datum när det kommer in.");
    page.text("Överklagandet måste ha kommit in till nämnden inom tre veckor från den dag du fick del av beslutet. "
      + "Annars kan det inte prövas.");
    page.text("Skriv vilket beslut du överklagar (datum och ärende " + letter.caseReference() + "), hur du vill att "
      + "beslutet ska ändras och varför. Skriv under överklagandet och lämna ditt namn och hur vi når dig.");
    page.text("Nämnden prövar först om beslutet ska ändras. Om det inte ändras som du vill skickar nämnden "
      + "överklagandet vidare till förvaltningsrätten.");
  }

  private static void contact(PdfPageWriter page, DecisionLetter letter) {
    page.heading("Kontakt", 12);
    DecisionLetter.Contact contact = letter.contact();
    page.text("Har du frågor om beslutet, kontakta " + contact.name() + ", telefon " + contact.phone() + ", e-post "
      + contact.email() + ". Du kan också skriva till oss via Mina sidor.");
    page.text(letter.sender().namnd() + ", " + letter.sender().municipality() + ", telefon " + letter.sender().phone()
      + ", " + letter.sender().email());
  }

  static String monthName(DecisionLetter letter) {
    return letter.month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " " + letter.month().getYear();
  }

  /** "9 430 kr", or "4 412,50 kr" when there are öre; spaces as thousands separators, as Swedish letters write. */
  static String kronor(BigDecimal amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(SWEDISH);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('−');
    BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_EVEN);
    String pattern = scaled.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
    return new DecimalFormat(pattern, symbols).format(scaled) + " kr";
  }
}
