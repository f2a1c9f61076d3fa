package se.socialportal.overklagande;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import se.socialportal.casework.AddressMask;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The case's documents as one PDF for förvaltningsrätten (FL 46 §): a cover with the appeal's dates and the FL 44 §
 * check, the appeal as signed, the decision letter (and the omprövning's letter when the decision was changed in
 * part, which the appeal then covers, FL 39 §), the application, and the attachments — the appeal's and the
 * application's. For a household with protected personal data no address reaches the bundle: the application's
 * addresses are masked, and the attachments (scans that may show one) are listed, not included; the nämnd hands them
 * over after a sekretessprövning. Blocking (PDF work): call it on a worker.
 */
final class AppealBundle {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", SWEDISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm", SWEDISH);
  private static final Map<String, String> TYPES = Map.of("forsorjningsstod", "Försörjningsstöd", "livsforing_ovrigt",
    "Livsföring i övrigt", "skulder", "Skulder", "begravning", "Begravningskostnader", "aterkrav", "Återkrav",
    "eftergift", "Eftergift");
  private static final Map<String, String> OUTCOMES = Map.of("bifall", "Bifall", "delvis_bifall", "Delvis bifall",
    "avslag", "Avslag", "beslutat", "Beslutat", "avslutad", "Avslutad");

  /** A file as stored: its name, media type and bytes. */
  record File(String name, String mediaType, byte[] bytes) {
  }

  /** Everything the bundle carries. */
  record Contents(String namnd, String municipality, String caseReference, String appellantName, boolean protectedHousehold,
                  AppealRepository.Appeal appeal, AppealRepository.Decision decision, byte[] decisionLetter,
                  Optional<byte[]> omprovningLetter, LocalDate applicationMonth, String channel,
                  Optional<Instant> submittedAt, JsonObject applicationContent, List<File> appealFiles,
                  List<File> applicationFiles) {
  }

  record Bundle(byte[] pdf, int pages, String sha256) {
  }

  private AppealBundle() {
  }

  static String typeLabel(String type) {
    return TYPES.getOrDefault(type, type);
  }

  static Bundle build(Contents contents) {
    try (PDDocument bundle = new PDDocument()) {
      PDFMergerUtility merger = new PDFMergerUtility();
      append(merger, bundle, cover(contents));
      append(merger, bundle, contents.decisionLetter());
      contents.omprovningLetter().ifPresent(letter -> append(merger, bundle, letter));
      append(merger, bundle, application(contents));
      if (!contents.protectedHousehold()) {
        for (File file : concat(contents.appealFiles(), contents.applicationFiles())) {
          attach(merger, bundle, file);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      bundle.save(out);
      byte[] pdf = out.toByteArray();
      return new Bundle(pdf, bundle.getNumberOfPages(), sha256(pdf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] cover(Contents c) throws IOException {
    AppealRepository.Appeal appeal = c.appeal();
    try (PDDocument document = new PDDocument()) {
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        page.heading("Överklagande till förvaltningsrätten", 16);
        page.text(c.namnd() + ", " + c.municipality() + " överlämnar enligt 46 § förvaltningslagen (2017:900) "
          + "ett överklagande med handlingarna i ärendet.");
        page.heading("Klagande", 12);
        page.text(c.appellantName());
        if (c.protectedHousehold()) {
          page.text("Adress: lämnas inte ut (skyddade personuppgifter). Klaganden nås genom nämnden.");
        }
        page.text("Ärende: " + c.caseReference());
        page.heading("Det överklagade beslutet", 12);
        AppealRepository.Decision decision = c.decision();
        page.text(typeLabel(decision.type()) + ": " + OUTCOMES.getOrDefault(decision.outcome(), decision.outcome())
          + (decision.amount().signum() > 0 ? ", " + kronor(decision.amount()) : "") + ", beslutat "
          + DAY.format(decision.decidedAt().atZone(AppealRepository.STOCKHOLM)) + ".");
        page.heading("Tid för överklagande (44 § förvaltningslagen)", 12);
        page.text("Klaganden fick del av beslutet: " + DAY.format(appeal.deliveredOn()));
        page.text("Sista dag för överklagande: " + DAY.format(appeal.deadline()));
        page.text("Överklagandet kom in: " + appeal.receivedAt().map(at -> MOMENT.format(
          at.atZone(AppealRepository.STOCKHOLM))).orElse("–") + " (underskrivet med BankID i e-tjänsten)");
        page.boldText(appeal.late().orElse(false)
          ? "Överklagandet kom in för sent. Nämnden har inte avvisat det (45 § förvaltningslagen) och överlämnar det."
          : "Överklagandet kom in i rätt tid.");
        appeal.omprovningDecisionId().ifPresent(id -> {
          page.heading("Omprövning (37–39 §§ förvaltningslagen)", 12);
          page.text("Nämnden har omprövat beslutet " + appeal.omprovningAt().map(at -> DAY.format(
            at.atZone(AppealRepository.STOCKHOLM))).orElse("") + " och ändrat det, men inte som klaganden begär. "
            + "Överklagandet gäller därför även det nya beslutet (39 § andra stycket), som följer efter det överklagade.");
        });
        page.heading("Handlingar", 12);
        page.text("1. Överklagandet. 2. Det överklagade beslutet." + (c.omprovningLetter().isPresent()
          ? " 3. Beslutet efter omprövning." : "") + " Därefter ansökan och bilagorna.");
        page.heading("Överklagandet", 14);
        page.boldText("Ändring som klaganden begär");
        page.text(appeal.changeRequested());
        page.boldText("Skäl");
        page.text(appeal.reasons());
        page.boldText("Bilagor till överklagandet");
        page.text(c.appealFiles().isEmpty() ? "Inga." : String.join("\n", c.appealFiles().stream().map(File::name).toList()));
        page.numberPages("Överklagande, ärende " + c.caseReference());
      }
      return bytes(document);
    }
  }

  private static byte[] application(Contents c) throws IOException {
    try (PDDocument document = new PDDocument()) {
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        page.heading("Ansökan om ekonomiskt bistånd", 14);
        page.text("Ärende " + c.caseReference() + ", månad " + c.applicationMonth().toString().substring(0, 7)
          + ", inlämnad " + c.submittedAt().map(at -> MOMENT.format(at.atZone(AppealRepository.STOCKHOLM))).orElse("–")
          + " (" + channel(c.channel()) + ").");
        JsonObject content = c.protectedHousehold() ? AddressMask.mask(c.applicationContent()) : c.applicationContent();
        List<String> lines = new ArrayList<>();
        flatten("", content, lines);
        page.text(lines.isEmpty() ? "Ansökan har inget innehåll." : String.join("\n", lines));
        page.heading("Bilagor till ansökan", 12);
        page.text(c.applicationFiles().isEmpty() ? "Inga." : String.join("\n",
          c.applicationFiles().stream().map(File::name).toList()));
        if (c.protectedHousehold() && !(c.appealFiles().isEmpty() && c.applicationFiles().isEmpty())) {
          page.boldText("Hushållet har skyddade personuppgifter. Bilagorna lämnas till domstolen av nämnden efter "
            + "sekretessprövning och ingår inte här.");
        }
        page.numberPages("Ansökan, ärende " + c.caseReference());
      }
      return bytes(document);
    }
  }

  private static void flatten(String path, Object value, List<String> lines) {
    if (value instanceof JsonObject object) {
      object.forEach(entry -> flatten(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(),
        lines));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        flatten(path + "[" + (i + 1) + "]", array.getValue(i), lines);
      }
    } else if (value != null) {
      lines.add(path + ": " + value);
    }
  }

  private static void append(PDFMergerUtility merger, PDDocument bundle, byte[] pdf) {
    try (PDDocument part = Loader.loadPDF(pdf)) {
      merger.appendDocument(bundle, part);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF attachment is appended as it is; an image gets a page of its own, scaled to fit. */
  private static void attach(PDFMergerUtility merger, PDDocument bundle, File file) throws IOException {
    if ("application/pdf".equals(file.mediaType())) {
      append(merger, bundle, file.bytes());
      return;
    }
    PDPage page = new PDPage(PDRectangle.A4);
    bundle.addPage(page);
    PDImageXObject image = PDImageXObject.createFromByteArray(bundle, file.bytes(), file.name());
    float margin = 40;
    float width = PDRectangle.A4.getWidth() - 2 * margin;
    float height = PDRectangle.A4.getHeight() - 2 * margin;
    float scale = Math.min(1f, Math.min(width / image.getWidth(), height / image.getHeight()));
    try (PDPageContentStream content = new PDPageContentStream(bundle, page)) {
      content.drawImage(image, margin, PDRectangle.A4.getHeight() - margin - image.getHeight() * scale,
        image.getWidth() * scale, image.getHeight() * scale);
    }
  }

  private static List<File> concat(List<File> first, List<File> second) {
    List<File> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static String channel(String channel) {
    return switch (channel) {
      case "paper" -> "på papper";
      case "assisted" -> "med hjälp av handläggare";
      default -> "i e-tjänsten";
    };
  }

  private static String kronor(BigDecimal amount) {
    return String.format(SWEDISH, "%,d kr", amount.longValue()).replace('\u00a0', ' ');
  }

  private static byte[] bytes(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
