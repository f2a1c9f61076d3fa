package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
  /** The decision types that are paid out (an insats the resident is granted, so one that can be left unexecuted). */
  public static final List<String> PAID_TYPES = List.of("forsorjningsstod", "livsforing_ovrigt", "skulder",
    "begravning");
  /**
   * Every granted part decided before a time, with when it was executed — the day the bank booked its payment, or the
   * day a manual payout was recorded — or null while it is not.
   */
  private static final String GRANTED = "SELECT d.id AS decision_id, d.application_id, d.type, d.amount, d.decided_at, "
    + "a.applicant_id, (SELECT p.state FROM payment_state p WHERE p.decision_id = d.id ORDER BY p.created_at DESC LIMIT 1) "
    + "AS payment_status, EXISTS (SELECT 1 FROM payout_account acc WHERE acc.person_id = a.applicant_id "
    + "AND acc.tenant_id = d.tenant_id AND acc.superseded_at IS NULL) AS has_account, "
    + "(SELECT min(COALESCE(p.paid_on, (COALESCE(p.manual_at, p.updated_at) AT TIME ZONE 'Europe/Stockholm')::date)) "
    + "FROM payment p WHERE p.decision_id = d.id "
    + "AND p.status IN ('paid', 'manual')) AS executed_on "
    + "FROM decision d JOIN application a ON a.id = d.application_id "
    + "WHERE d.tenant_id = $1 AND d.outcome IN ('bifall', 'delvis_bifall') AND d.amount > 0 AND d.type = ANY($2) "
    + "AND d.decided_at <= $3 ORDER BY d.decided_at, d.id";

  /** A granted part and how far its execution has come; {@code why} as {@link #why(String, boolean)} names it. */
  public record Granted(UUID decisionId, UUID applicationId, UUID applicantId, String type, BigDecimal amount,
                        Instant decidedAt, LocalDate decidedOn, Optional<LocalDate> executedOn, String why) {
  }

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
    return pool.withConnection(connection -> granted(connection, session.tenantId(), limit).compose(granted -> {
        JsonArray items = new JsonArray();
        List<AuditEntry> audit = new ArrayList<>();
        for (Granted part : granted) {
          if (part.executedOn().isPresent()) {
            continue;
          }
          LocalDate decided = part.decidedOn();
          items.add(new JsonObject().put("decisionId", part.decisionId().toString())
            .put("applicationId", part.applicationId().toString())
            .put("caseReference", caseReference(part))
            .put("decisionType", part.type()).put("amount", part.amount().toPlainString())
            .put("decidedOn", decided.toString()).put("daysSince", ChronoUnit.DAYS.between(decided, today))
            .put("why", part.why()));
          audit.add(AuditEntry.by(session, "payment.ej_verkstallda", part.applicantId(), part.applicationId(),
            requestId));
        }
        JsonObject answer = new JsonObject().put("unpaidAfterDays", days).put("count", items.size()).put("items", items);
        return AuditLog.recordAll(connection, audit, now).map(answer);
      }));
  }

  /** Every granted part of the tenant's decided on or before {@code decidedBy}, oldest first: executed or not. */
  public static Future<List<Granted>> granted(SqlClient client, String tenantId, Instant decidedBy) {
    return client.preparedQuery(GRANTED).execute(Tuple.of(tenantId, PAID_TYPES.toArray(new String[0]),
      OffsetDateTime.ofInstant(decidedBy, ZoneOffset.UTC))).map(rows -> {
        List<Granted> granted = new ArrayList<>();
        for (Row row : rows) {
          Instant decidedAt = row.getOffsetDateTime("decided_at").toInstant();
          granted.add(new Granted(row.getUUID("decision_id"), row.getUUID("application_id"),
            row.getUUID("applicant_id"), row.getString("type"), row.getBigDecimal("amount"), decidedAt,
            LocalDate.ofInstant(decidedAt, STOCKHOLM), Optional.ofNullable(row.getLocalDate("executed_on")),
            why(row.getString("payment_status"), row.getBoolean("has_account"))));
        }
        return granted;
      });
  }

  /** The reference the case goes by in lists and reports (never a name or a personnummer). */
  public static String caseReference(Granted part) {
    return "EB-" + part.decidedOn().getYear() + "-"
      + part.applicationId().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }

  /** Why a granted part is not paid yet, from its latest payment's state. */
  public static String why(String paymentStatus, boolean hasAccount) {
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
