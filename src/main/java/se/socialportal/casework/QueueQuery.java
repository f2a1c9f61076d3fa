package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue: open cases of the staff member's municipality with their proposal (if the robot has made one),
 * warnings, stickprov, age, due date, unit and who has claimed them. Cases of protected households are listed only to
 * staff assigned to them; a gruppledare or enhetschef sees an unassigned one as a masked row (no name, no amounts) so
 * it can be given to someone. Each person shown is written to the audit log.
 */
public final class QueueQuery {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String QUEUE = "SELECT " + CaseHeader.COLUMNS + ", bf.id AS proposal_id, bf.amount, bf.outcome, "
    + "bf.stickprov, (SELECT count(*) FROM case_warning w WHERE w.proposal_id = bf.id) AS warnings, "
    + "(SELECT count(*) FROM case_warning w WHERE w.proposal_id = bf.id AND w.acknowledged_at IS NULL) AS unacknowledged, "
    + "(SELECT s.name FROM case_assignment o JOIN staff_member s ON s.id = o.staff_id WHERE o.application_id = a.id "
    + "AND o.kind = 'owner' AND o.ended_at IS NULL) AS owner_name, "
    + "EXISTS (SELECT 1 FROM robot_job j WHERE j.application_id = a.id AND j.application_version = a.version "
    + "AND j.status = 'manual_review') AS manual_review, "
    + "EXISTS (SELECT 1 FROM case_assignment x WHERE x.application_id = a.id AND x.staff_id = $2 AND x.ended_at IS NULL) "
    + "AS assigned, w.kind AS rules_kind, w.month AS rules_month" + CaseHeader.FROM
    + "LEFT JOIN beslutsforslag bf ON bf.application_id = a.id AND bf.application_version = a.version "
    + "AND bf.status = 'awaiting_review' "
    + "LEFT JOIN robot_waiting_for_rules w ON w.application_id = a.id AND w.application_version = a.version "
    + "WHERE a.tenant_id = $1 AND a.status IN " + ApplicationStatus.sqlList(ApplicationStatus.IN_CASEWORK);

  /**
   * Filters and sort order from the query string; unknown values are refused rather than ignored.
   * {@code waitingForRulesOnly}: cases whose calculation waits for rules not loaded yet (e.g. next year's riksnorm).
   */
  public record Filter(String owner, boolean stickprovOnly, boolean warningsOnly, String unit, String sort,
                       boolean waitingForRulesOnly) {
    public static Filter of(Map<String, String> params) {
      String owner = params.getOrDefault("owner", "any");
      String unit = params.getOrDefault("unit", "any");
      String sort = params.getOrDefault("sort", "due");
      if (!List.of("any", "me", "none").contains(owner)) {
        throw ApiException.invalid("owner", "queue_filter");
      }
      if (!List.of("any", "mottagning", "ekonomiskt_bistand").contains(unit)) {
        throw ApiException.invalid("unit", "queue_filter");
      }
      if (!List.of("due", "age", "amount", "warnings").contains(sort)) {
        throw ApiException.invalid("sort", "queue_filter");
      }
      return new Filter(owner, "true".equals(params.get("stickprov")), "true".equals(params.get("warnings")), unit, sort,
        "true".equals(params.get("waitingForRules")));
    }
  }

  private final Pool pool;
  private final Clock clock;
  private final Duration dueAfter;

  public QueueQuery(Pool pool, Clock clock, Duration dueAfter) {
    this.pool = pool;
    this.clock = clock;
    this.dueAfter = dueAfter;
  }

  /** New applications go to mottagning, re- and extra applications to ekonomiskt bistånd (Norrtälje's units). */
  static String unit(String kind) {
    return "new".equals(kind) ? "mottagning" : "ekonomiskt_bistand";
  }

  public Future<JsonObject> list(Session session, Filter filter, String requestId) {
    CaseworkRoles.requireCaseRole(session);
    boolean distributor = CaseworkRoles.any(session, CaseworkRoles.DISTRIBUTORS);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> tx.preparedQuery(QUEUE).execute(Tuple.of(session.tenantId(), session.staffMemberId()))
      .compose(rows -> {
        List<JsonObject> items = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        for (Row row : rows) {
          CaseHeader header = CaseHeader.of(row);
          boolean visible = !header.isProtected() || row.getBoolean("assigned");
          if (!visible && !distributor) {
            continue;
          }
          JsonObject item = item(header, row, visible, now, session.staffMemberId());
          if (!matches(filter, item, session.staffMemberId())) {
            continue;
          }
          items.add(item);
          if (visible) {
            header.adults().forEach(person -> audit.add(AuditEntry.by(session, "queue.read", person, header.id(), requestId)));
          }
        }
        items.sort(order(filter.sort()));
        return AuditLog.recordAll(tx, audit, now).map(v -> new JsonObject().put("items", new JsonArray(items))
          .put("count", items.size()));
      }));
  }

  private JsonObject item(CaseHeader header, Row row, boolean visible, Instant now, UUID me) {
    Instant submitted = header.submittedAt().orElse(now);
    LocalDate due = submitted.plus(dueAfter).atZone(STOCKHOLM).toLocalDate();
    JsonObject item = new JsonObject()
      .put("applicationId", header.id().toString())
      .put("protected", header.isProtected())
      .put("masked", !visible)
      .put("month", header.month().toString().substring(0, 7))
      .put("kind", header.kind())
      .put("channel", header.channel())
      .put("status", header.status().db())
      .put("unit", unit(header.kind()))
      .put("submittedAt", submitted.toString())
      .put("ageDays", Duration.between(submitted, now).toDays())
      .put("dueDate", due.toString())
      .put("overdue", due.isBefore(now.atZone(STOCKHOLM).toLocalDate()))
      .put("manualReview", row.getBoolean("manual_review"))
      .put("waitingForRules", RulesWaiting.json(row.getString("rules_kind"), row.getString("rules_month")))
      .put("ownerId", header.ownerId().map(UUID::toString).orElse(null))
      // Who holds a protected case is about the staff, not the household: the gruppledare who gave it away sees it.
      .put("ownerName", row.getString("owner_name"))
      .put("mine", header.ownerId().map(me::equals).orElse(false));
    if (!visible) {
      return item;
    }
    UUID proposal = row.getUUID("proposal_id");
    item.put("household", header.householdName());
    if (proposal != null) {
      item.put("proposal", new JsonObject().put("id", proposal.toString())
        .put("amount", row.getBigDecimal("amount").toPlainString()).put("outcome", row.getString("outcome"))
        .put("stickprov", row.getBoolean("stickprov")));
      item.put("warnings", row.getLong("warnings")).put("unacknowledgedWarnings", row.getLong("unacknowledged"));
    } else {
      item.put("warnings", 0L).put("unacknowledgedWarnings", 0L);
    }
    return item;
  }

  private static boolean matches(Filter filter, JsonObject item, UUID me) {
    if (filter.owner().equals("me") && !item.getBoolean("mine")) {
      return false;
    }
    if (filter.owner().equals("none") && item.getString("ownerId") != null) {
      return false;
    }
    if (!filter.unit().equals("any") && !filter.unit().equals(item.getString("unit"))) {
      return false;
    }
    if (filter.waitingForRulesOnly() && item.getJsonObject("waitingForRules") == null) {
      return false;
    }
    JsonObject proposal = item.getJsonObject("proposal");
    if (filter.stickprovOnly() && (proposal == null || !proposal.getBoolean("stickprov"))) {
      return false;
    }
    return !filter.warningsOnly() || item.getLong("warnings", 0L) > 0;
  }

  private static Comparator<JsonObject> order(String sort) {
    Comparator<JsonObject> byAge = Comparator.comparing(item -> item.getString("submittedAt"));
    switch (sort) {
      case "amount":
        return Comparator.<JsonObject, java.math.BigDecimal>comparing(item -> item.getJsonObject("proposal") == null
          ? java.math.BigDecimal.valueOf(-1) : new java.math.BigDecimal(item.getJsonObject("proposal").getString("amount")))
          .reversed().thenComparing(byAge);
      case "warnings":
        return Comparator.<JsonObject, Long>comparing(item -> item.getLong("unacknowledgedWarnings", 0L)).reversed()
          .thenComparing(byAge);
      case "age":
        return byAge;
      default:
        return Comparator.<JsonObject, String>comparing(item -> item.getString("dueDate")).thenComparing(byAge);
    }
  }

  static String iso(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }
}
