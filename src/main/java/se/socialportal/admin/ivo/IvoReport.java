package se.socialportal.admin.ivo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.payment.EjVerkstallda;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ej verkställda beslut for a quarter, as the municipality reports them to IVO and the nämnd: every granted decision
 * whose three months (IvoDeadline) ran out on or before the quarter's last day (or today, in the running quarter)
 * without it being executed — still waiting then, or executed late within the quarter (reported with its day) — with
 * the decision type and day, the days waited, why it waits (from the payment room: EjVerkstallda, whose knowledge of
 * when a part counts as paid this reuses), and the reason and interim measure staff recorded. Beside it the early
 * alerts: decisions waiting today for 30 or 60 days, still within their three months.
 */
final class IvoReport {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private IvoReport() {
  }

  /** The report, and the decisions it names (each read is written to the access log). */
  record Result(JsonObject report, List<EjVerkstallda.Granted> named) {
  }

  static Future<Result> report(SqlClient client, String tenantId, Quarter quarter, LocalDate today) {
    LocalDate asOf = quarter.last().isBefore(today) ? quarter.last() : today;
    return EjVerkstallda.granted(client, tenantId, today.plusDays(1).atStartOfDay(STOCKHOLM).toInstant())
      .compose(granted -> IvoNotes.forTenant(client, tenantId).map(notes -> build(quarter, asOf, today, granted,
        notes)));
  }

  static Result build(Quarter quarter, LocalDate asOf, LocalDate today, List<EjVerkstallda.Granted> granted,
                      Map<java.util.UUID, IvoNotes.Note> notes) {
    List<EjVerkstallda.Granted> named = new java.util.ArrayList<>();
    JsonArray items = new JsonArray();
    JsonArray alerts = new JsonArray();
    for (EjVerkstallda.Granted part : granted) {
      LocalDate decided = part.decidedOn();
      if (!decided.isAfter(asOf)) {
        Optional<LocalDate> executed = part.executedOn().filter(day -> !day.isAfter(asOf));
        boolean reported = IvoDeadline.late(decided, executed, asOf)
          && executed.map(day -> !day.isBefore(quarter.first())).orElse(true);
        if (reported) {
          named.add(part);
          items.add(item(part, notes.get(part.decisionId())).put("executedOn", executed.map(LocalDate::toString)
              .orElse(null)).put("daysWaited", IvoDeadline.daysWaited(decided, executed, asOf))
            .put("why", executed.isPresent() ? "executed_late" : part.why()));
        }
      }
      if (part.executedOn().isEmpty()) {
        IvoDeadline.alert(decided, today).ifPresent(level -> named.add(part));
        IvoDeadline.alert(decided, today).ifPresent(level -> alerts.add(item(part, notes.get(part.decisionId()))
          .put("alert", level).put("daysWaited", IvoDeadline.daysWaited(decided, Optional.empty(), today))
          .put("why", part.why())));
      }
    }
    return new Result(new JsonObject().put("quarter", quarter.toString()).put("from", quarter.first().toString())
      .put("to", quarter.last().toString()).put("asOf", asOf.toString()).put("today", today.toString())
      .put("count", items.size()).put("items", items).put("alerts", alerts), named);
  }

  private static JsonObject item(EjVerkstallda.Granted part, IvoNotes.Note note) {
    return new JsonObject().put("decisionId", part.decisionId().toString())
      .put("caseReference", EjVerkstallda.caseReference(part)).put("decisionType", part.type())
      .put("amount", part.amount().toPlainString()).put("decidedOn", part.decidedOn().toString())
      .put("limit", IvoDeadline.limit(part.decidedOn()).toString())
      .put("reason", note == null ? null : note.reason())
      .put("interimMeasure", note == null ? null : note.interimMeasure().orElse(null));
  }
}
