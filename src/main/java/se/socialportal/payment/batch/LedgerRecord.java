package se.socialportal.payment.batch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's bookkeeping record for the finance system: a SIE 4 file (type 4, "PC8" character set as the SIE format
 * prescribes) with one verifikation per execution date — each decision type's total debited to its konto with its
 * ansvar (dimension 1) and verksamhet (dimension 20), the day's total credited to the bank account's konto — so the
 * ledger reconciles with the bank statement. No person is named: the file carries totals only. Written from the
 * batch's rows and its stored calendar, so it can be written again with the same content.
 */
public final class LedgerRecord {

  private static final Charset PC8 = Charset.forName("IBM437");
  private static final DateTimeFormatter SIE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String TOTALS = "SELECT execution_date, decision_type, count(*) AS n, sum(amount) AS total "
    + "FROM payment WHERE batch_id = $1 GROUP BY execution_date, decision_type ORDER BY execution_date, decision_type";
  private static final Map<String, String> LABELS = Map.of("forsorjningsstod", "Försörjningsstöd",
    "livsforing_ovrigt", "Livsföring i övrigt", "skulder", "Bistånd till skulder", "begravning",
    "Bistånd till begravning");

  private final Vertx vertx;
  private final Pool pool;
  private final Path folder;

  public LedgerRecord(Vertx vertx, Pool pool, Path folder) {
    this.vertx = vertx;
    this.pool = pool;
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** Writes the batch's SIE file durably; answers its name. */
  public Future<String> write(Batch batch) {
    return pool.preparedQuery(TOTALS).execute(Tuple.of(batch.id())).compose(rows -> {
      Map<LocalDate, List<Row>> days = new LinkedHashMap<>();
      for (Row row : rows) {
        days.computeIfAbsent(row.getLocalDate("execution_date"), day -> new ArrayList<>()).add(row);
      }
      String content = sie(batch, days);
      String name = Batch.ledgerFileName(batch.id());
      return vertx.executeBlocking(() -> {
        DurableFiles.write(folder.resolve(name), content.getBytes(PC8));
        return name;
      });
    });
  }

  static String sie(Batch batch, Map<LocalDate, List<Row>> days) {
    JsonObject debtor = batch.debtor();
    JsonObject bookings = debtor.getJsonObject("bookings");
    StringBuilder out = new StringBuilder();
    line(out, "#FLAGGA 0");
    line(out, "#FORMAT PC8");
    line(out, "#SIETYP 4");
    line(out, "#PROGRAM \"Socialportalen\" \"1\"");
    line(out, "#GEN " + SIE_DATE.format(batch.creationTime().toLocalDate()));
    line(out, "#FNAMN " + quoted(debtor.getString("name")));
    line(out, "#ORGNR " + debtor.getString("organisationsnummer"));
    line(out, "#DIM 1 \"Ansvar\"");
    line(out, "#DIM 20 \"Verksamhet\"");
    int number = 1;
    for (Map.Entry<LocalDate, List<Row>> day : days.entrySet()) {
      String date = SIE_DATE.format(day.getKey());
      BigDecimal total = BigDecimal.ZERO;
      line(out, "#VER \"SP\" " + number++ + " " + date + " " + quoted("Utbetalning ekonomiskt bistånd, fil "
        + batch.messageId()));
      line(out, "{");
      for (Row row : day.getValue()) {
        String type = row.getString("decision_type");
        JsonObject booking = bookings.getJsonObject(type);
        BigDecimal amount = row.getBigDecimal("total");
        total = total.add(amount);
        line(out, "   #TRANS " + booking.getString("konto") + " {1 " + quoted(booking.getString("ansvar")) + " 20 "
          + quoted(booking.getString("verksamhet")) + "} " + amount.setScale(2).toPlainString() + " " + date + " "
          + quoted(LABELS.getOrDefault(type, type) + ", " + row.getLong("n") + " st"));
      }
      line(out, "   #TRANS " + debtor.getString("ledgerAccount") + " {} " + total.negate().setScale(2).toPlainString()
        + " " + date + " " + quoted(debtor.getString("accountName")));
      line(out, "}");
    }
    return out.toString();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append("\r\n");
  }
}
