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
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Renders a {@link DecisionLetter} as a PDF. Blocking (font embedding, layout): call it on a worker thread.
 * The wording follows FL 31–33 §§ and the överklagandehänvisning municipalities use for ekonomiskt bistånd: a summary
 * of every decision, then each decision on its own (outcome, calculation, motivering, lagrum, decider), then how to
 * appeal and whom to contact.
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
        summary(page, letter);
        for (int i = 0; i < letter.parts().size(); i++) {
          part(page, letter, i);
        }
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
    DecisionLetter.Kind first = letter.parts().get(0).kind();
    return switch (first) {
      case ATERKRAV -> "Beslut om återkrav av ekonomiskt bistånd för " + monthName(letter.month());
      case EFTERGIFT -> "Beslut om eftergift av återkrav av ekonomiskt bistånd för " + monthName(letter.month());
      default -> "Beslut om ekonomiskt bistånd för " + monthName(letter.month());
    };
  }

  /** One line per decision, so a letter with several tells at once what was decided on each. */
  private static void summary(PdfPageWriter page, DecisionLetter letter) {
    if (letter.parts().size() < 2) {
      return;
    }
    page.heading("Beslut i korthet", 12);
    for (int i = 0; i < letter.parts().size(); i++) {
      DecisionLetter.Part part = letter.parts().get(i);
      page.text((i + 1) + ". " + partTitle(letter, part) + ": " + part.outcome().label()
        + (part.kind() == DecisionLetter.Kind.CLOSE ? "" : ", " + kronor(part.amount())));
    }
  }

  static String partTitle(DecisionLetter letter, DecisionLetter.Part part) {
    return switch (part.kind()) {
      case MONTH -> "Försörjningsstöd för " + monthName(letter.month());
      case NEED -> part.label() + " (engångsbelopp)";
      default -> part.label();
    };
  }

  private static void part(PdfPageWriter page, DecisionLetter letter, int index) {
    DecisionLetter.Part part = letter.parts().get(index);
    String number = letter.parts().size() > 1 ? "Beslut " + (index + 1) + ": " : "Beslut: ";
    page.heading(number + partTitle(letter, part), 12.5f);
    page.boldText(part.outcome().label());
    page.text(sentence(letter, part));
    if (part.kind() == DecisionLetter.Kind.MONTH && !part.lines().isEmpty()) {
      calculation(page, letter, part);
    } else if (part.kind() == DecisionLetter.Kind.NEED && !part.lines().isEmpty()) {
      need(page, part);
    }
    page.subheading("Motivering");
    page.text(part.motivering());
    if (!part.legalBasis().isEmpty()) {
      page.subheading("Lagrum");
      part.legalBasis().forEach(page::text);
    }
    decidedBy(page, part.decidedBy());
  }

  static String sentence(DecisionLetter letter, DecisionLetter.Part part) {
    String month = monthName(letter.month());
    return switch (part.kind()) {
      case MONTH -> switch (part.outcome()) {
        case BIFALL -> "Du beviljas försörjningsstöd med " + kronor(part.amount()) + " för " + month + ".";
        case DELVIS_BIFALL -> "Du beviljas försörjningsstöd med " + kronor(part.amount()) + " för " + month
          + ". Det du ansökt om i övrigt avslås.";
        default -> "Din ansökan om försörjningsstöd för " + month + " avslås.";
      };
      case NEED -> switch (part.outcome()) {
        case BIFALL -> "Du beviljas " + kronor(part.amount()) + " som ett engångsbelopp för "
          + part.label().toLowerCase(SWEDISH) + ".";
        case DELVIS_BIFALL -> "Du beviljas " + kronor(part.amount()) + " av de " + kronor(part.applied())
          + " du ansökt om för " + part.label().toLowerCase(SWEDISH) + ". Resten avslås.";
        default -> "Din ansökan om " + kronor(part.applied()) + " för " + part.label().toLowerCase(SWEDISH)
          + " avslås.";
      };
      case ATERKRAV -> "Nämnden återkräver " + kronor(part.amount()) + " av det ekonomiska bistånd som betalades ut "
        + "till dig för " + month + ". Hur och när du betalar står i motiveringen nedan; hör av dig om du inte kan "
        + "betala.";
      case EFTERGIFT -> "Nämnden efterger " + kronor(part.amount()) + " av återkravet för " + month
        + ". Det beloppet behöver du inte betala tillbaka.";
      case CLOSE -> "Utredningen av din ansökan för " + month + " avslutas utan åtgärd.";
    };
  }

  /** Riksnorm + skäliga kostnader = behov; behov − inkomster = försörjningsstöd (LetterCalculation). */
  private static void calculation(PdfPageWriter page, DecisionLetter letter, DecisionLetter.Part part) {
    page.subheading("Så har vi räknat för " + monthName(letter.month()) + " (kronor per månad)");
    LetterCalculation calculation = LetterCalculation.of(part.lines(), monthName(letter.month()));
    for (LetterCalculation.Row row : calculation.rows()) {
      switch (row.kind()) {
        case HEADING -> {
          page.space(3);
          page.text(row.label());
        }
        case LINE -> page.row("    " + row.label(), kronor(row.amount()), false);
        case SUBTOTAL -> page.row(row.label(), kronor(row.amount()), true);
        case RESULT -> {
          page.space(2);
          page.row(row.label(), kronor(part.amount()), true);
        }
      }
    }
    if (calculation.surplus().signum() > 0) {
      page.text("Inkomsterna är " + kronor(calculation.surplus()) + " högre än behovet.");
    }
    page.space(4);
  }

  private static void need(PdfPageWriter page, DecisionLetter.Part part) {
    for (DecisionLetter.Line line : part.lines()) {
      String label = line.note() == null || line.note().isBlank() ? line.label() : line.label() + " (" + line.note() + ")";
      page.row(label, kronor(line.amount()), false);
    }
    page.row("Ansökt belopp", kronor(part.applied()), false);
    page.row("Beviljat belopp (engångsbelopp)", kronor(part.amount()), true);
    page.space(4);
  }

  private static void decidedBy(PdfPageWriter page, DecisionLetter.DecidedBy by) {
    page.subheading("Beslutsfattare");
    if (by.automated()) {
      page.text("Beslutet är fattat automatiserat med stöd av 6 kap. 37 § kommunallagen och nämndens delegation ("
        + by.delegation() + ").");
    } else {
      page.text(by.name() + (by.title().isBlank() ? "" : ", " + by.title()) + ". Enligt delegation: "
        + by.delegation() + ".");
    }
    by.preparedBy().ifPresent(who -> page.text("Beslutsunderlaget har beretts av " + who + "."));
    page.space(4);
  }

  /** FL 33 §: how to appeal. Mina sidor is mentioned only to a household that applied there. */
  private static void appeal(PdfPageWriter page, DecisionLetter letter) {
    page.heading("Hur du överklagar", 12);
    page.text("Om du inte är nöjd med ett beslut kan du överklaga det. Överklagandet prövas av förvaltningsrätten, men "
      + "du ska skicka eller lämna ditt överklagande till " + letter.sender().namnd() + ", "
      + letter.sender().postalAddress() + "." + (letter.digital() ? " Du kan också överklaga i e-tjänsten: logga in "
      + "på Mina sidor, öppna beslutet och välj Överklaga beslutet. Du skriver under med BankID, och överklagandet får "
      + "datum när det kommer in." : ""));
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
      + contact.email() + "." + (letter.digital() ? " Du kan också skriva till oss via Mina sidor." : ""));
    page.text(letter.sender().namnd() + ", " + letter.sender().municipality() + ", telefon " + letter.sender().phone()
      + ", " + letter.sender().email());
  }

  /** "december 2026": the month as a letter names it. */
  public static String monthName(YearMonth month) {
    return month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, SWEDISH) + " " + month.getYear();
  }

  /** "9 430 kr", "−2 100 kr", or "4 412,50 kr" when there are öre; spaces as thousands separators. */
  static String kronor(BigDecimal amount) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(SWEDISH);
    symbols.setGroupingSeparator(' ');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('−');
    BigDecimal scaled = amount.setScale(2, RoundingMode.HALF_EVEN);
    String pattern = scaled.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
    DecimalFormat format = new DecimalFormat(pattern, symbols);
    format.setNegativePrefix("−");
    return format.format(scaled) + " kr";
  }
}
