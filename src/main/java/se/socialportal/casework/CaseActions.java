package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.casework.calc.CalcLine;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.robot.ProposalStore;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The small changes to a case before a decision: claim it, hand it to someone else, give a named colleague access to a
 * protected household's case, acknowledge a warning, adjust a line. Each is one transaction with its history event and
 * its audit row.
 */
public final class CaseActions {

  private static final String STAFF_IN_TENANT = "SELECT name, roles FROM staff_member WHERE id = $1 AND tenant_id = $2";
  private static final String ADJUST = "INSERT INTO calculation_adjustment (tenant_id, proposal_id, application_id, "
    + "line_key, label, section, decision_type, old_amount, new_amount, reason, staff_id, created_at) "
    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id";

  private final Pool pool;
  private final Clock clock;

  public CaseActions(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Take the case: I become its owner (a case someone else has claimed is taken over only by reassigning). */
  public Future<JsonObject> claim(Session session, UUID applicationId, String requestId) {
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> {
      if (!header.open()) {
        return Future.failedFuture(ApiException.conflict("case_not_open"));
      }
      if (header.ownerId().filter(owner -> !owner.equals(session.staffMemberId())).isPresent()) {
        return Future.failedFuture(ApiException.conflict("case_claimed"));
      }
      return assign(tx, session, header, session.staffMemberId(), "claimed", requestId);
    }));
  }

  /** A gruppledare or enhetschef gives the case to a colleague in the same municipality (or frees it: staffId null). */
  public Future<JsonObject> reassign(Session session, UUID applicationId, Optional<UUID> staffId, String requestId) {
    CaseworkRoles.require(session, CaseworkRoles.DISTRIBUTORS);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockForDistribution(tx, session, applicationId).compose(header -> {
      if (staffId.isEmpty()) {
        return CaseAssignments.endOwner(tx, header.id(), session.staffMemberId(), now)
          .compose(v -> CaseEvents.staff(tx, header, "unassigned", null, session.staffMemberId(), new JsonObject(),
            now))
          .compose(v -> CaseAudit.record(tx, session, header, "case.assign", requestId, new JsonObject(), now))
          .map(new JsonObject().putNull("ownerId"));
      }
      return colleague(tx, session, staffId.get())
        .compose(v -> assign(tx, session, header, staffId.get(), "reassigned", requestId));
    }));
  }

  /** Named access to a protected household's case (nobody else sees it). */
  public Future<JsonObject> grantAccess(Session session, UUID applicationId, UUID staffId, String requestId) {
    CaseworkRoles.require(session, CaseworkRoles.DISTRIBUTORS);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockForDistribution(tx, session, applicationId)
      .compose(header -> colleague(tx, session, staffId)
        .compose(v -> CaseAssignments.assign(tx, header.tenantId(), header.id(), staffId,
          CaseAssignments.Kind.ACCESS, session.staffMemberId(), now))
        .compose(v -> CaseEvents.staff(tx, header, "access_granted", null, session.staffMemberId(),
          new JsonObject().put("staffId", staffId.toString()), now))
        .compose(v -> CaseAudit.record(tx, session, header, "case.grant_access", requestId,
          new JsonObject().put("staffId", staffId.toString()), now))
        .map(new JsonObject().put("staffId", staffId.toString()))));
  }

  /**
   * Acknowledge a warning of the current proposal. A STICKPROV warning is acknowledged with the check's result
   * ({@code stickprovResult}: confirmed or discrepancy, with a {@code note} for a discrepancy), recorded on the draw.
   */
  public Future<JsonObject> acknowledgeWarning(Session session, UUID applicationId, UUID warningId, JsonObject body,
                                               String requestId) {
    Instant now = clock.instant();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId)
      .compose(header -> currentProposal(tx, header).compose(proposal -> ProposalStore.acknowledgeWarning(tx,
          warningId, proposal, session.staffMemberId(), now)
        .compose(type -> {
          if (type.isEmpty()) {
            return Future.failedFuture(ApiException.notFound());
          }
          JsonObject data = new JsonObject().put("warningId", warningId.toString());
          Future<Void> checked = Future.succeededFuture();
          if (StickprovCheck.WARNING_TYPE.equals(type.get())) {
            StickprovCheck.Result result = StickprovCheck.Result.from(body);
            data.mergeIn(result.toJson());
            checked = StickprovCheck.record(tx, session, header, result, now);
          }
          return checked
            .compose(v -> CaseEvents.staff(tx, header, "warning_acknowledged", null, session.staffMemberId(), data,
              now))
            .compose(v -> CaseAudit.record(tx, session, header, "case.acknowledge_warning", requestId, data, now))
            .map(data.copy().put("acknowledged", true));
        }))));
  }

  /**
   * Adjust one line of the current proposal (or add a need line): new amount and a reason. The calculation is
   * recomputed from the adjusted lines when the case is shown and when it is decided.
   */
  public Future<JsonObject> adjust(Session session, UUID applicationId, JsonObject body, String requestId) {
    String key = JsonFields.text(body, "lineKey");
    String reason = JsonFields.text(body, "reason").strip();
    BigDecimal amount;
    try {
      amount = new BigDecimal(String.valueOf(body.getValue("amount"))).setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException | NumberFormatException e) {
      return Future.failedFuture(ApiException.invalid("amount", "amount_invalid"));
    }
    if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(10_000_000)) > 0) {
      return Future.failedFuture(ApiException.invalid("amount", "amount_invalid"));
    }
    if (reason.length() < 3 || reason.length() > 2000) {
      return Future.failedFuture(ApiException.invalid("reason", "adjustment_reason_required"));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> CaseAccess.lock(tx, session, applicationId).compose(header -> {
      if (header.status() != ApplicationStatus.SUBMITTED && header.status() != ApplicationStatus.UNDER_REVIEW) {
        return Future.failedFuture(ApiException.conflict("case_not_decidable"));
      }
      return Proposals.current(tx, header).compose(found -> {
        Proposals.Proposal proposal = found.filter(p -> p.status().equals("awaiting_review"))
          .orElseThrow(() -> ApiException.conflict("proposal_not_awaiting_review"));
        Optional<CalcLine> line = proposal.calculation().line(key);
        CalcLine.Section section;
        String label;
        Optional<DecisionType> type;
        if (line.isPresent()) {
          section = line.get().section();
          label = line.get().label();
          type = line.get().decisionType();
        } else if (key.equals("need:new")) {
          // A need the application did not list as such (a skuld, a funeral cost): the handläggare classifies it.
          type = DecisionType.fromCode(JsonFields.text(body, "decisionType")).filter(DecisionType::isNeed);
          label = JsonFields.text(body, "label").strip();
          if (type.isEmpty() || label.isEmpty() || label.length() > 200) {
            throw ApiException.invalid("decisionType", "need_line_invalid");
          }
          section = CalcLine.Section.NEED;
        } else {
          throw ApiException.invalid("lineKey", "line_unknown");
        }
        String storedKey = key.equals("need:new") ? "need:added-" + UUID.randomUUID().toString().substring(0, 8) : key;
        return tx.preparedQuery(ADJUST).execute(Tuple.of(header.tenantId(), proposal.id(), header.id(), storedKey, label,
              section.code(), type.map(DecisionType::code).orElse(null), line.map(CalcLine::amount).orElse(null))
            .addValue(amount).addValue(reason).addValue(session.staffMemberId()).addValue(utc(now)))
          .compose(rows -> CaseEvents.staff(tx, header, "line_adjusted", ApplicationStatus.UNDER_REVIEW,
              session.staffMemberId(),
              new JsonObject().put("lineKey", storedKey).put("amount", amount.toPlainString()), now)
            .compose(v -> CaseAudit.record(tx, session, header, "case.adjust", requestId,
              new JsonObject().put("lineKey", storedKey), now))
            .map(new JsonObject().put("id", rows.iterator().next().getUUID("id").toString()).put("lineKey", storedKey)));
      });
    }));
  }

  private static Future<UUID> currentProposal(SqlClient tx, CaseHeader header) {
    return Proposals.current(tx, header).map(found -> found.filter(p -> p.status().equals("awaiting_review"))
      .map(Proposals.Proposal::id).orElseThrow(() -> ApiException.conflict("proposal_not_awaiting_review")));
  }

  /**
   * A distributor reaches a protected case they are not assigned to only to give it to someone: the lock skips the
   * protection check but still requires the tenant, and the audit row records the access.
   */
  private static Future<CaseHeader> lockForDistribution(SqlClient tx, Session session, UUID applicationId) {
    return tx.preparedQuery("SELECT " + CaseHeader.COLUMNS + CaseHeader.FROM + "WHERE a.id = $1 AND a.tenant_id = $2 "
        + "AND a.status NOT IN " + ApplicationStatus.sqlList(ApplicationStatus.BEFORE_SUBMISSION) + " FOR UPDATE OF a")
      .execute(Tuple.of(applicationId, session.tenantId()))
      .compose(rows -> rows.size() == 0 ? Future.failedFuture(ApiException.notFound())
        : Future.succeededFuture(CaseHeader.of(rows.iterator().next())));
  }

  private static Future<Void> colleague(SqlClient tx, Session session, UUID staffId) {
    return tx.preparedQuery(STAFF_IN_TENANT).execute(Tuple.of(staffId, session.tenantId())).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.invalid("staffId", "staff_unknown"));
      }
      String[] roles = rows.iterator().next().getArrayOfStrings("roles");
      boolean works = java.util.Arrays.stream(roles).anyMatch(CaseworkRoles.CASE_ROLES::contains);
      return works ? Future.succeededFuture() : Future.failedFuture(ApiException.invalid("staffId", "staff_no_case_role"));
    });
  }

  private Future<JsonObject> assign(SqlClient tx, Session session, CaseHeader header, UUID staffId, String event,
                                    String requestId) {
    Instant now = clock.instant();
    return CaseAssignments.endOwner(tx, header.id(), session.staffMemberId(), now)
      .compose(v -> CaseAssignments.assign(tx, header.tenantId(), header.id(), staffId, CaseAssignments.Kind.OWNER,
        session.staffMemberId(), now))
      .compose(v -> header.isProtected()
        ? CaseAssignments.assign(tx, header.tenantId(), header.id(), staffId, CaseAssignments.Kind.ACCESS,
          session.staffMemberId(), now)
        : Future.<Void>succeededFuture())
      .compose(v -> CaseEvents.staff(tx, header, event,
        header.status() == ApplicationStatus.SUBMITTED ? ApplicationStatus.UNDER_REVIEW : null,
        session.staffMemberId(), new JsonObject().put("staffId", staffId.toString()), now))
      .compose(v -> CaseAudit.record(tx, session, header, "case.assign", requestId,
        new JsonObject().put("staffId", staffId.toString()), now))
      .map(new JsonObject().put("ownerId", staffId.toString()));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
