package se.socialportal.admin.nyckeltal;

import io.vertx.core.json.JsonObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import se.socialportal.platform.pdf.PdfPageWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * A month's nyckeltal as CSV (semicolons, decimal comma, BOM: a Swedish spreadsheet opens it as it is) and as a tagged
 * Swedish PDF written with the letters' PdfPageWriter. Both print the same rows in the same order. Rendering the PDF
 * is blocking (PDFBox): callers run it on a worker.
 */
public final class NyckeltalExport {

  private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");

  private NyckeltalExport() {
  }

  public static String csv(String municipality, JsonObject answer) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("Nyckeltal;").append(Labels.csv(municipality)).append("\r\n");
    out.append("Månad;").append(answer.getJsonObject("figures").getString("month")).append("\r\n");
    out.append("Avsnitt;Mått;Antal;Andel (%);Kronor\r\n");
    rows(answer, (section, row) -> out.append(Labels.csv(section)).append(';').append(Labels.csv(row[0])).append(';')
      .append(row[1] == null ? "" : row[1]).append(';').append(row[2] == null ? "" : Labels.number(row[2])).append(';')
      .append(row[3] == null ? "" : Labels.number(row[3])).append("\r\n"));
    return out.toString();
  }

  public static byte[] pdf(String municipality, JsonObject answer) {
    JsonObject figures = answer.getJsonObject("figures");
    YearMonth month = YearMonth.parse(figures.getString("month"));
    String title = "Nyckeltal för ekonomiskt bistånd, " + month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE,
      SWEDISH) + " " + month.getYear();
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(title);
      info.setCreator("Socialportalen");
      document.setDocumentInformation(info);
      document.getDocumentCatalog().setLanguage("sv-SE");
      try (PdfPageWriter page = new PdfPageWriter(document)) {
        page.heading(title, 16);
        page.text(municipality);
        page.text(answer.getBoolean("final")
          ? "Ögonblicksbild sparad " + answer.getString("computedAt") + " (definitioner " + answer.getString(
            "definitionVersion") + "). Siffrorna ändras inte i efterhand."
          : "Preliminära siffror för en pågående månad, beräknade " + answer.getString("computedAt") + ".");
        String[] current = {null};
        rows(answer, (section, row) -> {
          if (!section.equals(current[0])) {
            page.heading(section, 12);
            current[0] = section;
          }
          String value = (row[1] == null ? "" : row[1]) + (row[2] == null ? "" : " (" + Labels.number(row[2]) + " %)")
            + (row[3] == null ? "" : Labels.number(row[3]) + " kr");
          page.row(row[0], value.trim(), false);
        });
        page.numberPages(title);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every figure as a row: {label, count, percent, kronor}, by section. */
  static void rows(JsonObject answer, BiConsumer<String, String[]> row) {
    JsonObject figures = answer.getJsonObject("figures");
    JsonObject applications = figures.getJsonObject("applications");
    String section = "Ansökningar per kanal";
    row.accept(section, new String[] {"Inkomna ansökningar", String.valueOf(applications.getLong("total")), null, null});
    for (String channel : NyckeltalFigures.CHANNELS) {
      JsonObject share = applications.getJsonObject(channel);
      row.accept(section, new String[] {Labels.channel(channel), String.valueOf(share.getLong("count")),
        share.getString("percent"), null});
    }
    row.accept(section, new String[] {"Återtagna", String.valueOf(applications.getLong("withdrawn")), null, null});
    section = "Hushåll och kostnad";
    JsonObject cost = figures.getJsonObject("cost");
    row.accept(section, new String[] {"Hushåll med försörjningsstöd", String.valueOf(figures.getLong("households")),
      null, null});
    row.accept(section, new String[] {"Beviljat", null, null, cost.getString("granted")});
    row.accept(section, new String[] {"Utbetalt", null, null, cost.getString("paid")});
    row.accept(section, new String[] {"Beviljat per hushåll", null, null, cost.getString("grantedPerHousehold")});
    row.accept(section, new String[] {"Utbetalt per hushåll", null, null, cost.getString("paidPerHousehold")});
    section = "Hushållstyp";
    for (Object item : figures.getJsonArray("familyTypes")) {
      JsonObject type = (JsonObject) item;
      row.accept(section, new String[] {Labels.familyType(type.getString("type")),
        String.valueOf(type.getLong("households")), type.getString("percent"), null});
    }
    section = "Biståndsmottagare";
    JsonObject residents = figures.getJsonObject("residents");
    row.accept(section, new String[] {"Personer med försörjningsstöd", String.valueOf(residents.getLong("recipients")),
      null, null});
    row.accept(section, new String[] {"Månader med bistånd de senaste 12, medel",
      residents.getString("meanMonthsLast12") == null ? null : Labels.number(residents.getString("meanMonthsLast12")),
      null, null});
    for (Object item : residents.getJsonArray("monthsLast12")) {
      JsonObject group = (JsonObject) item;
      row.accept(section, new String[] {group.getString("months") + " månader av 12",
        String.valueOf(group.getLong("residents")), null, null});
    }
    JsonObject longTerm = residents.getJsonObject("longTerm");
    row.accept(section, new String[] {"Mycket långvarigt bistånd (27 av 36 månader)",
      String.valueOf(longTerm.getLong("count")), longTerm.getString("percent"), null});
    section = "Beslut under månaden";
    for (Object item : figures.getJsonArray("decisions")) {
      JsonObject decision = (JsonObject) item;
      row.accept(section, new String[] {Labels.decisionType(decision.getString("type")) + ", "
        + Labels.outcome(decision.getString("outcome")).toLowerCase(SWEDISH), String.valueOf(decision.getLong("count")),
        null, null});
    }
    reasons(row, "Skäl för avslag", figures, "avslagReasons");
    reasons(row, "Skäl för avslut", figures, "avslutReasons");
  }

  private static void reasons(BiConsumer<String, String[]> row, String section, JsonObject figures, String key) {
    for (Object item : figures.getJsonArray(key)) {
      JsonObject reason = (JsonObject) item;
      row.accept(section, new String[] {Labels.reason(reason.getString("reason")),
        String.valueOf(reason.getLong("count")), null, null});
    }
  }
}
