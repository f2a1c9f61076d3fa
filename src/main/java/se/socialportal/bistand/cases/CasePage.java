package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.attachment.AttachmentRepository;
import se.socialportal.bistand.signing.SignatureRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the case page shows, read in one statement: the application (the columns the page uses, its content
 * only for a co-applicant who may have to sign it, else just the parts the totals add up), and beside it, each as one
 * JSON array, its history, signatures, attachments, messages, komplettering requests, decisions, letters, payments and
 * last month's decisions, the names of the two adults and the handläggare's. One statement sees one snapshot, so the
 * page needs no transaction; it was about fifteen statements (BEGIN, eleven reads, COMMIT) and a SHA-256 of the
 * content that only signing uses. Each table's part of the statement is written by the class that reads it elsewhere.
 */
final class CasePage {

  /** One case as read: the application row and the JSON arrays of what belongs to it. */
  record Read(ApplicationRow application, JsonObject totalsParts, String applicantName, String coApplicantName,
              List<ApplicationRepository.Event> events, List<SignatureRepository.Signature> signatures,
              List<AttachmentRepository.Attachment> attachments, JsonArray messages, JsonArray kompletteringar,
              JsonObject outcome, JsonArray previousDecisions, String handlaggare) {
  }

  private static final String NAME = "(SELECT trim(concat_ws(' ', p.given_name, p.surname)) FROM person p WHERE p.id = ";

  private final DecisionsAndPayments decisions;
  /** The statement for the set of casework's and payment's tables present when it was written. */
  private final AtomicReference<Statement> statement = new AtomicReference<>();

  private record Statement(int tables, String sql) {
  }

  CasePage(DecisionsAndPayments decisions) {
    this.decisions = decisions;
  }

  /** The case, when it is the person's to see (its applicant, or its co-applicant once it has left draft). */
  Future<Optional<Read>> read(SqlClient client, UUID id, String tenantId, UUID personId) {
    return decisions.tables(client).compose(v -> client.preparedQuery(sql()).execute(Tuple.of(id, tenantId, personId)))
      .map(rows -> {
        var it = rows.iterator();
        if (!it.hasNext()) {
          return Optional.empty();
        }
        Row row = it.next();
        return Optional.of(new Read(ApplicationRow.of(row), (JsonObject) row.getJson("totals"),
          row.getString("applicant_name"), row.getString("co_applicant_name"),
          ApplicationRepository.events(array(row, "events")), SignatureRepository.current(array(row, "signatures")),
          AttachmentRepository.list(array(row, "attachments")), array(row, "messages"),
          array(row, "kompletteringar"), DecisionsAndPayments.of(array(row, "decisions"), array(row, "letters"),
            array(row, "payments")), DecisionsAndPayments.decisions(array(row, "previous_decisions")),
          row.getString("handlaggare")));
      });
  }

  private String sql() {
    int tables = decisions.tablesPresent();
    Statement current = statement.get();
    if (current == null || current.tables() != tables) {
      current = new Statement(tables, write());
      statement.set(current);
    }
    return current.sql();
  }

  private String write() {
    String draft = "'" + ApplicationStatus.DRAFT.db() + "'";
    String awaiting = "'" + ApplicationStatus.AWAITING_COSIGNATURE.db() + "'";
    return "SELECT a.id, a.tenant_id, a.month, a.kind, a.channel, a.status, a.applicant_id, a.co_applicant_id, "
      + "a.version, CASE WHEN a.status = " + awaiting + " AND a.co_applicant_id = $3 THEN a.content END AS content, "
      + "NULL::text AS content_hash, a.previous_id, a.submitted_at, a.created_at, a.updated_at, "
      + "a.cosign_requested_at, a.cosign_deadline, a.cosign_reminders, a.cosign_last_reminder_at, a.draft_step, "
      // SigningSummary.totals reads only these four parts of the content.
      + "jsonb_strip_nulls(jsonb_build_object('incomes', a.content -> 'incomes', 'housing', a.content -> 'housing', "
      + "'costs', a.content -> 'costs', 'needs', a.content -> 'needs')) AS totals, "
      + NAME + "a.applicant_id) AS applicant_name, " + NAME + "a.co_applicant_id) AS co_applicant_name, "
      + ApplicationRepository.eventsJson("a.id") + " AS events, "
      + SignatureRepository.currentJson("a.id") + " AS signatures, "
      + AttachmentRepository.listJson("a.id") + " AS attachments, "
      + MessageThread.threadJson("a.id", "a.applicant_id") + " AS messages, "
      + Komplettering.listJson("a.id") + " AS kompletteringar, "
      + decisions.decisionsJson("a.id", "a.tenant_id") + " AS decisions, "
      + decisions.lettersJson("a.id", "a.tenant_id") + " AS letters, "
      + decisions.paymentsJson("a.id", "a.tenant_id") + " AS payments, "
      // At a re-application: last month's decisions, so the page can say what changed since then.
      + decisions.decisionsJson("a.previous_id", "a.tenant_id") + " AS previous_decisions, "
      + CaseContact.handlaggareSql("a.id", "a.tenant_id") + " AS handlaggare "
      + "FROM application a WHERE a.id = $1 AND a.tenant_id = $2 AND (a.applicant_id = $3 "
      + "OR (a.co_applicant_id = $3 AND a.status <> " + draft + "))";
  }

  private static JsonArray array(Row row, String column) {
    return (JsonArray) row.getJson(column);
  }
}
