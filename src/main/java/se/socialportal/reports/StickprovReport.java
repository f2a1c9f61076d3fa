package se.socialportal.reports;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.rules.IntakeChannel;

import java.util.List;

/**
 * Stickprov per intake channel for a period: how many applications the robot drew for, how many it sampled, and the
 * results of the checks. Norrtälje sampled digital applications only (docs/sources.md#likabehandling-and-stickprov);
 * this report is how the nämnd sees that every channel is sampled at the same rate and checked alike
 * (likställighetsprincipen, 2 kap. 3 § KL).
 */
final class StickprovReport {

  private static final List<String> CHANNELS = IntakeChannel.codes();
  private static final java.util.Map<String, String> CHANNEL_NAMES = java.util.Map.of("digital", "E-tjänsten",
    "paper", "Pappersansökan", "assisted", "Med hjälp av personal");
  private static final String BY_CHANNEL = "SELECT a.channel, count(*) AS drawn, count(*) FILTER (WHERE d.sampled) "
    + "AS sampled, count(*) FILTER (WHERE d.result = 'confirmed') AS confirmed, "
    + "count(*) FILTER (WHERE d.result = 'discrepancy') AS discrepancy, "
    + "count(*) FILTER (WHERE d.sampled AND d.result IS NULL) AS pending "
    + "FROM stickprov_draw d JOIN application a ON a.id = d.application_id "
    + "WHERE d.tenant_id = $1 AND d.drawn_at >= $2 AND d.drawn_at < $3 GROUP BY a.channel";

  private StickprovReport() {
  }

  static Future<JsonObject> report(SqlClient tx, String tenantId, ReportPeriod period) {
    return tx.preparedQuery(BY_CHANNEL).execute(Tuple.of(tenantId, period.start(), period.end())).map(rows -> {
      JsonObject byChannel = new JsonObject();
      CHANNELS.forEach(channel -> byChannel.put(channel, counts(null)));
      for (Row row : rows) {
        byChannel.put(row.getString("channel"), counts(row));
      }
      return new JsonObject().put("from", period.from().toString()).put("to", period.to().toString())
        .put("channels", new JsonArray(CHANNELS.stream().map(channel -> (Object) byChannel.getJsonObject(channel)
          .put("channel", channel)).toList()));
    });
  }

  /** The same figures as CSV (semicolons, BOM), one row per channel. */
  static String csv(JsonObject report) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append("Stickprov per kanal\r\n");
    out.append("Period: ").append(report.getString("from")).append(" – ").append(report.getString("to")).append("\r\n");
    out.append("Kanal;Prövade;Stickprov;Andel (%);Bekräftade;Avvikelse;Ej kontrollerade\r\n");
    for (Object item : report.getJsonArray("channels")) {
      JsonObject channel = (JsonObject) item;
      Object percent = channel.getValue("sampledPercent");
      out.append(CHANNEL_NAMES.getOrDefault(channel.getString("channel"), channel.getString("channel"))).append(';').append(channel.getLong("drawn")).append(';')
        .append(channel.getLong("sampled")).append(';').append(percent == null ? "" : percent.toString().replace('.', ','))
        .append(';').append(channel.getLong("confirmed")).append(';').append(channel.getLong("discrepancy")).append(';')
        .append(channel.getLong("pending")).append("\r\n");
    }
    return out.toString();
  }

  private static JsonObject counts(Row row) {
    JsonObject counts = new JsonObject();
    for (String column : List.of("drawn", "sampled", "confirmed", "discrepancy", "pending")) {
      counts.put(column, row == null ? 0L : row.getLong(column));
    }
    long drawn = counts.getLong("drawn");
    // The sampled share in percent with one decimal, so the channels can be compared at a glance.
    counts.put("sampledPercent", drawn == 0 ? null
      : Math.round(counts.getLong("sampled") * 1000.0 / drawn) / 10.0);
    return counts;
  }
}
