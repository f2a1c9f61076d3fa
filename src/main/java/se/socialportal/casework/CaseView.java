package se.socialportal.casework;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.calc.Calculation;
import se.socialportal.casework.calc.Recalculation;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.identity.session.Session;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a handläggare needs to check a proposal in seconds: the application and household, the calculation line
 * by line (with adjustments and the rule versions), register data, the difference from last month, the warnings, the
 * history, the robot's trace, decisions and letters, the message thread, komplettering requests and attachments, and
 * what the delegation requires for approving it. Reading it
 * writes the audit row in the same transaction. A protected household's data is shown without any address.
 */
public final class CaseView {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String CONTENT = "SELECT content FROM application WHERE id = $1";
  private static final String EVENTS = "SELECT e.at, e.type, e.status, e.actor_kind, e.data, s.name AS staff_name "
    + "FROM application_event e LEFT JOIN staff_member s ON s.id = e.actor_staff_id WHERE e.application_id = $1 ORDER BY e.id";
  private static final String TRACE = "SELECT step, started_at, duration_micros, outcome, input_summary, output "
    + "FROM robot_trace WHERE application_id = $1 ORDER BY id";
  private static final String DECISIONS = "SELECT id, decision_set, type, outcome, amount, motivering, decided_by_name, "
    + "decided_by_title, delegation_row, delegation_source, delegation_version, decided_at, prepared_by_name FROM decision "
    + "WHERE application_id = $1 ORDER BY decided_at, id";
  private static final String ADJUSTMENTS = "SELECT c.line_key, c.label, c.old_amount, c.new_amount, c.reason, "
    + "c.created_at, s.name FROM calculation_adjustment c JOIN staff_member s ON s.id = c.staff_id "
    + "WHERE c.proposal_id = $1 AND c.withdrawn_at IS NULL ORDER BY c.created_at, c.id";
  private static final String STICKPROV = "SELECT d.reason, d.requested_items, d.due_at, d.result, d.result_note, "
    + "d.result_at, s.name AS result_by FROM stickprov_draw d LEFT JOIN staff_member s ON s.id = d.result_by "
    + "WHERE d.application_id = $1 AND d.sampled";
  private static final String WAITING_FOR_RULES = "SELECT kind, month FROM robot_waiting_for_rules "
    + "WHERE application_id = $1 AND application_version = $2";
  /**
   * The household's latest earlier application and its försörjningsstöd decision, if any: the same application the
   * robot's comparison is made with, so "last month" and the comparison speak of one thing.
   */
  private static final String PREVIOUS = "SELECT a.id, a.month, a.status, d.amount, d.outcome FROM application a "
    + "LEFT JOIN LATERAL (SELECT amount, outcome FROM decision WHERE application_id = a.id AND type = 'forsorjningsstod' "
    + "ORDER BY decided_at DESC LIMIT 1) d ON true WHERE a.tenant_id = $1 AND (a.applicant_id = $2 "
    + "OR a.co_applicant_id = $2) AND a.month < $3 AND a.status NOT IN "
    + se.socialportal.bistand.ApplicationStatus.sqlList(se.socialportal.bistand.ApplicationStatus.BEFORE_SUBMISSION)
    + " ORDER BY a.month DESC, a.created_at DESC LIMIT 1";

  private final Pool pool;
  private final Clock clock;
  private final CaseworkRules rules;
  private final Recalculation recalculation;
  private final CaseCommunication communication;

  public CaseView(Pool pool, Clock clock, CaseworkRules rules, Recalculation recalculation,
                  CaseCommunication communication) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.recalculation = recalculation;
    this.communication = communication;
  }

  public Future<JsonObject> read(Session session, UUID applicationId, String requestId) {
    return pool.withTransaction(tx -> CaseAccess.visible(tx, session, applicationId).compose(header -> {
      Future<JsonObject> content = tx.preparedQuery(CONTENT).execute(Tuple.of(header.id()))
        .map(rows -> Proposals.json(rows.iterator().next().getValue("content")));
      return content.compose(application -> Proposals.current(tx, header).compose(proposal -> {
        JsonObject view = new JsonObject()
          .put("case", header(header))
          .put("application", header.isProtected() ? AddressMask.mask(application) : application);
        Future<Void> proposalPart = proposal.isEmpty() ? Future.succeededFuture()
          : proposal(tx, session, header, proposal.get(), application).map(json -> {
            view.put("proposal", json);
            return null;
          });
        return proposalPart
          .compose(v -> list(tx, EVENTS, header.id(), this::event)).map(events -> view.put("history", events))
          .compose(v -> list(tx, TRACE, header.id(), row -> trace(row, header.isProtected())))
          .map(trace -> view.put("trace", trace))
          .compose(v -> list(tx, DECISIONS, header.id(), CaseView::decision)).map(decisions -> view.put("decisions", decisions))
          .compose(v -> se.socialportal.casework.decision.Referrals.forApplication(tx, header.id()))
          .map(referrals -> view.put("referrals", referrals))
          .compose(v -> tx.preparedQuery(WAITING_FOR_RULES).execute(Tuple.of(header.id(), header.version())))
          .map(rows -> view.put("waitingForRules", rows.size() == 0 ? null
            : RulesWaiting.json(rows.iterator().next().getString("kind"), rows.iterator().next().getString("month"))))
          .compose(v -> list(tx, STICKPROV, header.id(), CaseView::stickprov))
          .map(stickprov -> view.put("stickprov", stickprov.isEmpty() ? null : stickprov.getJsonObject(0)))
          .compose(v -> se.socialportal.letters.LetterRepository.forApplication(tx, header.id()))
          .map(letters -> view.put("letters", new JsonArray(letters.stream().map(letter -> new JsonObject()
            .put("id", letter.id().toString()).put("createdAt", letter.createdAt().toString())
            .put("mailboxStatus", letter.mailboxStatus())
            .put("mailboxAt", letter.mailboxAt().map(java.time.Instant::toString).orElse(null))).toList())))
          .compose(v -> tx.preparedQuery(PREVIOUS).execute(Tuple.of(header.tenantId(), header.applicantId(), header.month())))
          .map(rows -> view.put("previousMonth", rows.size() == 0 ? null : previous(rows.iterator().next())))
          .compose(v -> communication.read(tx, header)).map(conversation -> view.mergeIn(conversation))
          .compose(v -> CaseAudit.record(tx, session, header, "case.read", requestId, new JsonObject(),
            clock.instant()))
          .map(view);
      }));
    }));
  }

  private Future<JsonObject> proposal(SqlClient tx, Session session, CaseHeader header, Proposals.Proposal proposal,
                                      JsonObject application) {
    return Proposals.warnings(tx, proposal.id()).compose(warnings -> Proposals.adjustments(tx, proposal.id())
      .compose(adjustments -> list(tx, ADJUSTMENTS, proposal.id(), CaseView::adjustment).map(adjustmentRows -> {
        // "Angivet" is read from the application, the same document the application section shows.
        Calculation effective = recalculation.apply(Proposals.context(header, proposal),
          Calculation.fromProposal(StatedAmounts.apply(proposal.rawCalculation(), application)), adjustments);
        JsonArray warningJson = new JsonArray();
        warnings.forEach(warning -> warningJson.add(new JsonObject().put("id", warning.id().toString())
          .put("type", warning.type()).put("message", warning.message())
          .put("details", header.isProtected() ? AddressMask.mask(warning.details()) : warning.details())
          .put("acknowledged", warning.acknowledged())
          .put("acknowledgedBy", warning.acknowledgedByName().orElse(null))
          .put("acknowledgedAt", warning.acknowledgedAt().map(Object::toString).orElse(null))));
        return new JsonObject()
          .put("id", proposal.id().toString())
          .put("version", proposal.version())
          .put("status", proposal.status())
          .put("outcome", proposal.outcome())
          .put("amount", proposal.amount().toPlainString())
          .put("stickprov", proposal.stickprov())
          .put("createdAt", proposal.createdAt().toString())
          .put("ruleVersions", proposal.ruleVersions())
          .put("motivering", proposal.motivering())
          .put("legalBasis", proposal.legalBasis())
          .put("registerData", header.isProtected() ? AddressMask.mask(proposal.registerData()) : proposal.registerData())
          .put("registerTable", RegisterTable.rows(header.isProtected() ? AddressMask.mask(proposal.registerData())
            : proposal.registerData(), application, warnings))
          .put("comparison", header.isProtected() ? AddressMask.mask(proposal.comparison()) : proposal.comparison())
          .put("calculation", effective.toJson())
          .put("adjustments", adjustmentRows)
          .put("warnings", warningJson)
          .put("allWarningsAcknowledged", warnings.stream().allMatch(Proposals.Warning::acknowledged))
          .put("delegation", delegation(session, effective));
      })));
  }

  /** For each part an approval would record: may I take it, and if not, who may. */
  private JsonArray delegation(Session session, Calculation calculation) {
    LocalDate today = clock.instant().atZone(STOCKHOLM).toLocalDate();
    JsonArray parts = new JsonArray();
    var matrix = rules.matrix(session.tenantId(), today);
    Map<DecisionType, BigDecimal> amounts = new java.util.LinkedHashMap<>();
    amounts.put(DecisionType.FORSORJNINGSSTOD, calculation.forsorjningsstod());
    calculation.needs().forEach((type, lines) -> amounts.put(type,
      Calculation.applied(lines).max(Calculation.granted(lines))));
    amounts.forEach((type, amount) -> {
      JsonObject part = new JsonObject().put("type", type.code()).put("label", type.label())
        .put("amount", amount.toPlainString());
      if (matrix.isEmpty()) {
        parts.add(part.put("allowed", false).put("whoMay", "nämnden (ingen delegationsordning gäller i dag)"));
        return;
      }
      // Stand-ins are not looked up here: the preview shows one's own delegation; the decision itself checks both.
      DelegationCheck.Outcome outcome = DelegationCheck.check(matrix.get(), DelegationCheck.Request.of(type, amount, today),
        Set.copyOf(session.roles()), List.of());
      parts.add(part.put("allowed", outcome.allowed()).put("whoMay", outcome.whoMay())
        .put("row", outcome.row().map(row -> row.id()).orElse(null)));
    });
    return parts;
  }

  private static JsonObject header(CaseHeader header) {
    return new JsonObject().put("applicationId", header.id().toString()).put("reference", DecisionService.caseReference(header))
      .put("status", header.status().db()).put("version", header.version())
      .put("month", header.month().toString().substring(0, 7)).put("kind", header.kind()).put("channel", header.channel())
      .put("unit", QueueQuery.unit(header.kind())).put("household", header.householdName())
      .put("applicant", header.applicantName()).put("coApplicant", header.coApplicantName().orElse(null))
      .put("protected", header.isProtected()).put("ownerId", header.ownerId().map(UUID::toString).orElse(null))
      .put("submittedAt", header.submittedAt().map(Object::toString).orElse(null));
  }

  private JsonObject event(Row row) {
    return new JsonObject().put("at", row.getOffsetDateTime("at").toInstant().toString()).put("type", row.getString("type"))
      .put("status", row.getString("status")).put("actor", row.getString("actor_kind"))
      .put("staff", row.getString("staff_name")).put("data", Proposals.json(row.getValue("data")));
  }

  private static JsonObject trace(Row row, boolean masked) {
    JsonObject input = Proposals.json(row.getValue("input_summary"));
    JsonObject output = Proposals.json(row.getValue("output"));
    return new JsonObject().put("step", row.getString("step"))
      .put("startedAt", row.getOffsetDateTime("started_at").toInstant().toString())
      .put("durationMicros", row.getLong("duration_micros")).put("outcome", row.getString("outcome"))
      .put("input", masked ? AddressMask.mask(input) : input).put("output", masked ? AddressMask.mask(output) : output);
  }

  private static JsonObject decision(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString())
      .put("decisionSet", row.getUUID("decision_set").toString()).put("type", row.getString("type"))
      .put("outcome", row.getString("outcome")).put("amount", row.getBigDecimal("amount").toPlainString())
      .put("motivering", row.getString("motivering")).put("decidedBy", row.getString("decided_by_name"))
      .put("title", row.getString("decided_by_title")).put("delegationRow", row.getString("delegation_row"))
      .put("delegationSource", row.getString("delegation_source"))
      .put("delegationVersion", row.getString("delegation_version"))
      .put("preparedBy", row.getString("prepared_by_name"))
      .put("decidedAt", row.getOffsetDateTime("decided_at").toInstant().toString());
  }

  /** The draw that picked the case, what the household was asked for, and the check's result once recorded. */
  private static JsonObject stickprov(Row row) {
    return new JsonObject().put("reason", row.getString("reason"))
      .put("requestedItems", row.getJsonArray("requested_items"))
      .put("dueAt", row.getOffsetDateTime("due_at").toInstant().toString())
      .put("result", row.getString("result")).put("resultNote", row.getString("result_note"))
      .put("resultAt", row.getOffsetDateTime("result_at") == null ? null
        : row.getOffsetDateTime("result_at").toInstant().toString())
      .put("resultBy", row.getString("result_by"));
  }

  private static JsonObject adjustment(Row row) {
    BigDecimal old = row.getBigDecimal("old_amount");
    return new JsonObject().put("lineKey", row.getString("line_key")).put("label", row.getString("label"))
      .put("oldAmount", old == null ? null : old.toPlainString()).put("newAmount", row.getBigDecimal("new_amount").toPlainString())
      .put("reason", row.getString("reason")).put("by", row.getString("name"))
      .put("at", row.getOffsetDateTime("created_at").toInstant().toString());
  }

  private static JsonObject previous(Row row) {
    BigDecimal amount = row.getBigDecimal("amount");
    return new JsonObject().put("applicationId", row.getUUID("id").toString())
      .put("month", row.getLocalDate("month").toString().substring(0, 7)).put("status", row.getString("status"))
      .put("amount", amount == null ? null : amount.toPlainString()).put("outcome", row.getString("outcome"));
  }

  private static Future<JsonArray> list(SqlClient tx, String sql, UUID id, java.util.function.Function<Row, JsonObject> map) {
    return tx.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
      JsonArray array = new JsonArray();
      rows.forEach(row -> array.add(map.apply(row)));
      return array;
    });
  }
}
