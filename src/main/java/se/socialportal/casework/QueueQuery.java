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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review queue: open cases of the staff member's municipality with their proposal (if the robot has made one),
 * warnings, stickprov, age, due date, unit and who has claimed them. Cases of protected households are listed only to
 * staff assigned to them; a gruppledare or enhetschef sees an unassigned one as a masked row (no name, no amounts) so
 * it can be given to someone. Each person shown is written to the audit log.
 *
 * <p>Filtered, sorted and paged by PostgreSQL: the statement is put together from constant fragments for the filters
 * asked for, and the default order (due date, which follows the submission time) walks the open-case index
 * ({@code application_casework_queue}), so a page costs the same whatever the size of the municipality's queue. Only
 * the page is read, and only the people on it are logged.
 */
public final class QueueQuery {

  /** Rows a page holds unless the request asks for fewer (at most {@link #MAX_LIMIT}). */
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;
  /** Deeper than this nobody pages; a filter finds the case. Keeps an offset scan bounded. */
  public static final int MAX_OFFSET = 10_000;

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String PROTECTED = "(p.protection <> 'none' OR coalesce(c.protection, 'none') <> 'none')";
  private static final String ASSIGNED = "EXISTS (SELECT 1 FROM case_assignment x WHERE x.application_id = a.id "
    + "AND x.staff_id = $2 AND x.ended_at IS NULL)";
  /** Shown in full: not protected, or this staff member is assigned to it. */
  private static final String VISIBLE = "(NOT " + PROTECTED + " OR " + ASSIGNED + ")";
  /*
   * The owner filters as the planner estimates them well, so that with the page's LIMIT it walks the open-case index
   * and probes each case's owner: "mine" on the owner already joined (an IN over all of one's cases was hashed with
   * the whole queue, then sorted), "unclaimed" as an anti-join ("own.staff_id IS NULL" was estimated at one row, so
   * the whole queue was read and sorted). On 50 000 open cases: about 330 and 470 ms per page before, 2 and 1.3 ms
   * after.
   */
  private static final String OWNED_BY_ME = "own.staff_id = $2";
  private static final String UNCLAIMED = "NOT EXISTS (SELECT 1 FROM case_assignment n WHERE n.application_id = a.id "
    + "AND n.kind = 'owner' AND n.ended_at IS NULL)";
  /**
   * Per row, each of owner, warnings and the robot's wait is one index probe (a lateral join), made only for the rows
   * the page reads: the default order walks the open-case index and stops at the page's end.
   */
  private static final String QUEUE = "SELECT " + CaseHeader.COLUMNS_BUT_OWNER + ", own.staff_id AS owner_id, "
    + VISIBLE + " AS visible, bf.id AS proposal_id, bf.amount, bf.outcome, bf.stickprov, "
    + "coalesce(wc.warnings, 0) AS warnings, coalesce(wc.unacknowledged, 0) AS unacknowledged, "
    + "own.name AS owner_name, "
    + "EXISTS (SELECT 1 FROM robot_job j WHERE j.application_id = a.id AND j.application_version = a.version "
    + "AND j.status = 'manual_review') AS manual_review, "
    + "w.kind AS rules_kind, w.month AS rules_month" + CaseHeader.FROM
    + "LEFT JOIN LATERAL (SELECT o.staff_id, s.name FROM case_assignment o JOIN staff_member s ON s.id = o.staff_id "
    + "WHERE o.application_id = a.id AND o.kind = 'owner' AND o.ended_at IS NULL) own ON true "
    + "LEFT JOIN beslutsforslag bf ON bf.application_id = a.id AND bf.application_version = a.version "
    + "AND bf.status = 'awaiting_review' "
    + "LEFT JOIN LATERAL (SELECT count(*) AS warnings, count(*) FILTER (WHERE cw.acknowledged_at IS NULL) "
    + "AS unacknowledged FROM case_warning cw WHERE cw.proposal_id = bf.id) wc ON bf.id IS NOT NULL "
    + "LEFT JOIN robot_waiting_for_rules w ON w.application_id = a.id AND w.application_version = a.version "
    + "WHERE a.tenant_id = $1 AND a.status IN " + ApplicationStatus.sqlList(ApplicationStatus.IN_CASEWORK);
  /** Ties are broken by submission time, then by id, so pages never overlap or skip. */
  private static final String BY_AGE = "a.submitted_at, a.id";

  /**
   * Filters, sort order and page from the query string; unknown values are refused rather than ignored.
   * {@code waitingForRulesOnly}: cases whose calculation waits for rules not loaded yet (e.g. next year's riksnorm).
   */
  public record Filter(String owner, boolean stickprovOnly, boolean warningsOnly, String unit, String sort,
                       boolean waitingForRulesOnly, int offset, int limit) {
    public Filter(String owner, boolean stickprovOnly, boolean warningsOnly, String unit, String sort,
                  boolean waitingForRulesOnly) {
      this(owner, stickprovOnly, warningsOnly, unit, sort, waitingForRulesOnly, 0, DEFAULT_LIMIT);
    }

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
        "true".equals(params.get("waitingForRules")), number(params, "offset", 0, MAX_OFFSET, 0),
        number(params, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
    }

    private static int number(Map<String, String> params, String name, int min, int max, int otherwise) {
      String value = params.get(name);
      if (value == null) {
        return otherwise;
      }
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw ApiException.invalid(name, "queue_filter");
    }

    /**
     * The statement for these filters and this page (one row more than the page, to tell whether there are more):
     * constant fragments and the page's numbers; the values are parameters ($1 tenant, $2 me).
     */
    String sql(boolean distributor) {
      StringBuilder sql = new StringBuilder(QUEUE);
      if (!distributor) {
        sql.append(" AND ").append(VISIBLE);
      }
      if (owner.equals("me")) {
        sql.append(" AND ").append(OWNED_BY_ME);
      } else if (owner.equals("none")) {
        sql.append(" AND ").append(UNCLAIMED);
      }
      if (unit.equals("mottagning")) {
        sql.append(" AND a.kind = 'new'");
      } else if (unit.equals("ekonomiskt_bistand")) {
        sql.append(" AND a.kind <> 'new'");
      }
      if (waitingForRulesOnly) {
        sql.append(" AND w.application_id IS NOT NULL");
      }
      // A masked row shows no proposal and no warnings, so it never passes these two.
      if (stickprovOnly) {
        sql.append(" AND bf.stickprov AND ").append(VISIBLE);
      }
      if (warningsOnly) {
        sql.append(" AND wc.warnings > 0 AND ").append(VISIBLE);
      }
      sql.append(" ORDER BY ").append(switch (sort) {
        case "amount" -> "CASE WHEN bf.id IS NOT NULL AND " + VISIBLE + " THEN bf.amount ELSE -1 END DESC, " + BY_AGE;
        case "warnings" -> "CASE WHEN bf.id IS NOT NULL AND " + VISIBLE + " THEN wc.unacknowledged ELSE 0 END DESC, "
          + BY_AGE;
        // The due date is the submission day plus a fixed delay: ordering by it is ordering by submission.
        default -> BY_AGE;
      });
      // The page's size and start are written into the statement (validated numbers, never text) rather than bound:
      // with LIMIT $n PostgreSQL's generic plan must assume a tenth of the queue is read (hash joins over all of it),
      // so it kept planning the nine-table join afresh for every call, which cost several times the execution. With
      // constants the generic plan walks the open-case index like a custom one and is planned once per connection;
      // the queue page pages by a fixed size, so there are few such statements.
      return sql.append(" LIMIT ").append(limit + 1).append(" OFFSET ").append(offset).toString();
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

  /**
   * One page of the queue. The audit rows of the people on it are written before the page is answered (no page
   * without its audit rows), in one statement.
   */
  public Future<JsonObject> list(Session session, Filter filter, String requestId) {
    CaseworkRoles.requireCaseRole(session);
    boolean distributor = CaseworkRoles.any(session, CaseworkRoles.DISTRIBUTORS);
    Instant now = clock.instant();
    UUID me = session.staffMemberId();
    return pool.preparedQuery(filter.sql(distributor))
      .execute(Tuple.of(session.tenantId(), me))
      .compose(rows -> {
        List<JsonObject> items = new ArrayList<>();
        List<AuditEntry> audit = new ArrayList<>();
        boolean more = false;
        for (Row row : rows) {
          if (items.size() == filter.limit()) {
            more = true;
            break;
          }
          CaseHeader header = CaseHeader.of(row);
          boolean visible = row.getBoolean("visible");
          items.add(item(header, row, visible, now, me));
          if (visible) {
            header.adults().forEach(person -> audit.add(AuditEntry.by(session, "queue.read", person, header.id(), requestId)));
          }
        }
        boolean hasMore = more;
        return AuditLog.recordAll(pool, audit, now).map(v -> new JsonObject().put("items", new JsonArray(items))
          .put("count", items.size()).put("offset", filter.offset()).put("limit", filter.limit())
          .put("hasMore", hasMore));
      });
  }

  JsonObject item(CaseHeader header, Row row, boolean visible, Instant now, UUID me) {
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

  static String iso(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }
}
