package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Ej verkställda beslut: granted parts not paid within the municipality's limit after the decision (the calendar's
 * unpaidAfterDays, set well before the three months after which a granted insats must be reported to IVO), with why —
 * no payment planned (no calendar), waiting for attest, no account, sent but not booked, rejected by the bank. Without
 * names: the case reference and the decision date are what the report to IVO and the nämnd starts from; reading it
 * is audit-logged per case.
 */
public final class EjVerkstallda {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  public static final Set<String> ROLES = Set.of("admin", "enhetschef");
  private static final String UNPAID = "SELECT d.id AS decision_id, d.application_id, d.type, d.amount, d.decided_at, "
    + "a.applicant_id, (SELECT p.state FROM payment_state p WHERE p.decision_id = d.id ORDER BY p.created_at DESC LIMIT 1) "
    + "AS payment_status, EXISTS (SELECT 1 FROM payout_account acc WHERE acc.person_id = a.applicant_id "
    + "AND acc.tenant_id = d.tenant_id AND acc.superseded_at IS NULL) AS has_account "
    + "FROM decision d JOIN application a ON a.id = d.application_id "
    + "WHERE d.tenant_id = $1 AND d.outcome IN ('bifall', 'delvis_bifall') AND d.amount > 0 AND d.type = ANY($2) "
    + "AND d.decided_at <= $3 AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.decision_id = d.id "
    + "AND p.status IN ('paid', 'manual')) ORDER BY d.decided_at";

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;

  public EjVerkstallda(Pool pool, Clock clock, Supplier<RuleBook> rules) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
  }

  public Future<JsonObject> list(Session session, String requestId) {
    if (session.roles().stream().noneMatch(ROLES::contains)) {
      return Future.failedFuture(ApiException.forbidden("forbidden"));
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
    int days = rules.get().paymentCalendar(session.tenantId(), today).map(PaymentCalendar::unpaidAfterDays).orElse(30);
    Instant limit = now.minus(days, ChronoUnit.DAYS);
    String[] types = {"forsorjningsstod", "livsforing_ovrigt", "skulder", "begravning"};
    return pool.withConnection(connection -> connection.preparedQuery(UNPAID)
      .execute(Tuple.of(session.tenantId(), types, OffsetDateTime.ofInstant(limit, ZoneOffset.UTC))).compose(rows -> {
        JsonArray items = new JsonArray();
        List<AuditEntry> audit = new ArrayList<>();
        for (Row row : rows) {
          LocalDate decided = LocalDate.ofInstant(row.getOffsetDateTime("decided_at").toInstant(), STOCKHOLM);
          items.add(new JsonObject().put("decisionId", row.getUUID("decision_id").toString())
            .put("applicationId", row.getUUID("application_id").toString())
            .put("caseReference", "EB-" + decided.getYear() + "-"
              + row.getUUID("application_id").toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT))
            .put("decisionType", row.getString("type")).put("amount", row.getBigDecimal("amount").toPlainString())
            .put("decidedOn", decided.toString()).put("daysSince", ChronoUnit.DAYS.between(decided, today))
            .put("why", why(row.getString("payment_status"), row.getBoolean("has_account"))));
          audit.add(AuditEntry.by(session, "payment.ej_verkstallda", row.getUUID("applicant_id"),
            row.getUUID("application_id"), requestId));
        }
        JsonObject answer = new JsonObject().put("unpaidAfterDays", days).put("count", items.size()).put("items", items);
        return AuditLog.recordAll(connection, audit, now).map(answer);
      }));
  }

  static String why(String paymentStatus, boolean hasAccount) {
    if (paymentStatus == null) {
      return "not_planned";
    }
    return switch (paymentStatus) {
      case "awaiting_attest" -> hasAccount ? "awaiting_attest" : "no_account";
      case "attested", "in_batch" -> "awaiting_file";
      case "sent" -> "not_booked";
      case "failed" -> "rejected";
      default -> paymentStatus;
    };
  }
}
