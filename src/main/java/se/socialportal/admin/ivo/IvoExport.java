package se.socialportal.admin.ivo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.socialportal.admin.nyckeltal.Labels;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The IVO report as CSV (semicolons, BOM) and as a tagged Swedish PDF written with the letters' PdfPageWriter: the
 * quarter's ej verkställda beslut, then the decisions approaching the limit. Rendering the PDF is blocking (PDFBox).
 */
final class IvoExport {

  private static final String HEADER = "Ärende;Beslutstyp;Beslutsdatum;Tre månader löper ut;Verkställt;Dagar;"
    + "Varför;Skäl enligt handläggare;Tillfällig insats";

  private IvoExport() {
  }

  static String csv(String municipality, JsonObject report) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("Ej verkställda beslut;").append(Labels.csv(municipality)).append("\r\n");
    out.append("Kvartal;").append(report.getString("quarter")).append(';').append(report.getString("from"))
      .append(" – ").append(report.getString("to")).append("\r\n");
    out.append(HEADER).append("\r\n");
    lines(report.getJsonArray("items"), out);
    out.append("\r\nNärmar sig tre månader (").append(report.getString("today")).append(")\r\n");
    out.append(HEADER).append(";Larm (dagar)\r\n");
    for (Object item : report.getJsonArray("alerts")) {
      JsonObject alert = (JsonObject) item;
      out.append(line(alert)).append(';').append(alert.getInteger("alert")).append("\r\n");
    }
    return out.toString();
  }

  private static void lines(JsonArray items, StringBuilder out) {
    for (Object item : items) {
      out.append(line((JsonObject) item)).append("\r\n");
    }
  }

  private static String line(JsonObject item) {
    return String.join(";", Labels.csv(item.getString("caseReference")),
      Labels.csv(Labels.decisionType(item.getString("decisionType"))), item.getString("decidedOn"),
      item.getString("limit"), item.getString("executedOn") == null ? "" : item.getString("executedOn"),
      String.valueOf(item.getLong("daysWaited")), Labels.csv(Labels.why(item.getString("why"))),
      Labels.csv(item.getString("reason")), Labels.csv(item.getString("interimMeasure")));
  }

  static byte[] pdf(String municipality, JsonObject report) {
    String title = "Ej verkställda beslut, " + report.getString("quarter");
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setCreator("Socialportalen");
      document.setDocumentInformation(info);
      document.getDocumentCatalog().setLanguage("sv-SE");
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        page.heading(title, 16);
        page.text(municipality + ". Beviljade beslut om ekonomiskt bistånd som inte verkställts inom tre månader från "
          + "beslutsdagen (rapport till IVO och nämnden), kvartalet " + report.getString("from") + " – "
          + report.getString("to") + ", läget " + report.getString("asOf") + ".");
        page.heading("Beslut som inte verkställts inom tre månader: " + report.getInteger("count"), 12);
        if (report.getJsonArray("items").isEmpty()) {
          page.text("Inga.");
        }
        report.getJsonArray("items").forEach(item -> entry(page, (JsonObject) item));
        page.heading("Närmar sig tre månader (30 och 60 dagar)", 12);
        if (report.getJsonArray("alerts").isEmpty()) {
          page.text("Inga.");
        }
        report.getJsonArray("alerts").forEach(item -> entry(page, (JsonObject) item));
        page.numberPages(title);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(PdfPageWriter page, JsonObject item) {
    page.subheading(item.getString("caseReference") + " – " + Labels.decisionType(item.getString("decisionType")));
    page.text("Beslutat " + item.getString("decidedOn") + ", tre månader löper ut " + item.getString("limit")
      + (item.getString("executedOn") == null ? "" : ", verkställt " + item.getString("executedOn")) + ". Väntat "
      + item.getLong("daysWaited") + " dagar" + (item.getInteger("alert") == null ? "" : " (larm vid "
      + item.getInteger("alert") + " dagar)") + ". " + Labels.why(item.getString("why")) + ".");
    page.text("Skäl: " + (item.getString("reason") == null ? "inte angivet" : item.getString("reason"))
      + ". Tillfällig insats: " + (item.getString("interimMeasure") == null ? "ingen angiven"
      : item.getString("interimMeasure")) + ".");
  }
}
