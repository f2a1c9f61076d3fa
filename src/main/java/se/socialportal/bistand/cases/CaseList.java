package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Mina sidor's list of cases in one statement: per case only what the list shows — month, kind, status, the
 * resident's role, open komplettering requests, unread messages and whether the calculation waits for rules — never
 * the application's content. The list was five round trips and read every month's whole application to show a month
 * and a status.
 */
final class CaseList {

  /** One line of the list. {@code robotWait}: the robot's latest event when it says it waits for rules, else null. */
  record Line(UUID id, YearMonth month, String kind, ApplicationStatus status, UUID applicantId,
              Optional<UUID> coApplicantId, int version, Instant updatedAt, Optional<Instant> submittedAt,
              Optional<Instant> cosignDeadline, int openKompletteringar, int unreadMessages, JsonObject robotWait) {

    String roleOf(UUID me) {
      return applicantId.equals(me) ? "applicant" : "coApplicant";
    }
  }

  private static final String LIST = "SELECT a.id, a.month, a.kind, a.status, a.applicant_id, a.co_applicant_id, "
    + "a.version, a.updated_at, a.submitted_at, a.cosign_deadline, "
    + "(SELECT count(*) FROM komplettering_request k WHERE k.application_id = a.id AND k.status = 'open') AS open, "
    + "(SELECT count(*) FROM case_message m WHERE m.application_id = a.id AND m.author_kind = 'staff' "
    + "AND m.read_at IS NULL) AS unread, "
    + "(SELECT CASE WHEN e.type = '" + CalculationWait.TYPE + "' THEN e.data END FROM application_event e "
    + "WHERE e.application_id = a.id AND e.actor_kind = 'robot' ORDER BY e.id DESC LIMIT 1) AS robot_wait "
    + "FROM application a WHERE a.tenant_id = $1 AND (a.applicant_id = $2 OR (a.co_applicant_id = $2 "
    + "AND a.status <> '" + ApplicationStatus.DRAFT.db() + "')) ORDER BY a.month DESC, a.created_at DESC";

  private CaseList() {
  }

  /** Who may see an application: its applicant always, its co-applicant once it has left draft. */
  static Future<List<Line>> of(SqlClient client, String tenantId, UUID personId) {
    return client.preparedQuery(LIST).execute(Tuple.of(tenantId, personId)).map(rows -> {
      List<Line> lines = new ArrayList<>();
      for (Row row : rows) {
        lines.add(new Line(row.getUUID("id"), YearMonth.from(row.getLocalDate("month")), row.getString("kind"),
          ApplicationStatus.of(row.getString("status")), row.getUUID("applicant_id"),
          Optional.ofNullable(row.getUUID("co_applicant_id")), row.getInteger("version"),
          row.getOffsetDateTime("updated_at").toInstant(), instant(row, "submitted_at"),
          instant(row, "cosign_deadline"), row.getLong("open").intValue(), row.getLong("unread").intValue(),
          (JsonObject) row.getJson("robot_wait")));
      }
      return lines;
    });
  }

  private static Optional<Instant> instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }
}
