package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseAudit;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.CaseworkRoles;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.casework.decision.Omprovning;
import se.socialportal.identity.session.Session;
import se.socialportal.letters.LetterRepository;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff's side: the "Överklaganden" list with its deadlines, one appeal with its documents, omprövning (FL 37–39
 * §§) through casework's decision path, and forwarding to förvaltningsrätten with the case's documents as one PDF
 * (FL 46 §). The same gate as every case: the staff member's tenant, a case role, and for a protected household an
 * assignment — otherwise 404, and the list leaves it out. Every read is in the audit log.
 */
final class StaffAppeals {

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final Omprovning omprovning;
  private final AttachmentStore store;
  private final CourtForwarding court;

  StaffAppeals(Vertx vertx, Pool pool, Clock clock, Omprovning omprovning, AttachmentStore store,
               CourtForwarding court) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.omprovning = omprovning;
    this.store = store;
    this.court = court;
  }

  private LocalDate today() {
    return clock.instant().atZone(AppealRepository.STOCKHOLM).toLocalDate();
  }

  Future<JsonObject> list(Session session, Optional<String> status, String requestId) {
    CaseworkRoles.requireCaseRole(session);
    if (status.isPresent() && !List.of("received", "lapsed", "forwarded").contains(status.get())) {
      return Future.failedFuture(ApiException.invalid("status", "appeal_status"));
    }
    LocalDate today = today();
    Instant now = clock.instant();
    return pool.withTransaction(tx -> AppealRepository.received(tx, session.tenantId(), status).compose(appeals -> {
      JsonArray rows = new JsonArray();
      Future<Void> chain = Future.succeededFuture();
      for (AppealRepository.Appeal appeal : appeals) {
        chain = chain.compose(v -> visible(tx, session, appeal.applicationId()).compose(header -> {
          if (header.isEmpty()) {
            return Future.succeededFuture();
          }
          rows.add(row(appeal, header.get(), today));
          return CaseAudit.record(tx, session, header.get(), "overklagande.list", requestId,
            new JsonObject().put("appealId", appeal.id().toString()), now);
        }));
      }
      return chain.map(v -> new JsonObject().put("today", today.toString()).put("appeals", rows));
    }));
  }

  Future<JsonObject> read(Session session, UUID id, String requestId) {
    LocalDate today = today();
    return pool.withTransaction(tx -> arrived(tx, session, id).compose(seen -> AppealRepository.attachments(tx, id)
      .compose(files -> CaseAudit.record(tx, session, seen.header(), "overklagande.read", requestId,
          new JsonObject().put("appealId", id.toString()), clock.instant())
        .map(v -> row(seen.appeal(), seen.header(), today)
          .put("changeRequested", seen.appeal().changeRequested()).put("reasons", seen.appeal().reasons())
          .put("signedText", seen.appeal().userVisibleData().orElse(null))
          .put("attachments", ResidentAppeals.attachmentsJson(files))))));
  }

  record Download(AppealRepository.Attachment attachment, java.nio.file.Path path) {
  }

  Future<Download> attachment(Session session, UUID id, UUID attachmentId, String requestId) {
    return pool.withTransaction(tx -> arrived(tx, session, id).compose(seen -> AppealRepository.attachments(tx, id)
      .compose(files -> {
        AppealRepository.Attachment file = files.stream().filter(f -> f.id().equals(attachmentId)).findFirst()
          .orElseThrow(ApiException::notFound);
        return CaseAudit.record(tx, session, seen.header(), "overklagande.attachment_read", requestId,
          new JsonObject().put("appealId", id.toString()).put("attachmentId", attachmentId.toString()), clock.instant())
          .map(v -> new Download(file, store.path(file.storageKey())));
      })));
  }

  /** Omprövning: a new decision through casework's decision path, and what it means for the appeal, together. */
  Future<JsonObject> omprova(Session session, UUID id, JsonObject body, String requestId) {
    String outcome = JsonFields.text(body, "outcome");
    BigDecimal amount = amount(body);
    String motivering = JsonFields.optionalText(body, "motivering");
    Object asRequestedValue = body.getValue("asRequested");
    if (!(asRequestedValue instanceof Boolean)) {
      return Future.failedFuture(ApiException.invalid("asRequested", "appeal_as_requested"));
    }
    boolean asRequested = (Boolean) asRequestedValue;
    Instant now = clock.instant();
    return pool.withConnection(connection -> arrived(connection, session, id)).compose(seen -> {
      AppealRepository.Appeal appeal = seen.appeal();
      if (!"received".equals(appeal.status()) || appeal.omprovningDecisionId().isPresent()) {
        return Future.failedFuture(ApiException.conflict("appeal_not_open"));
      }
      return omprovning.decide(session, appeal.applicationId(), new Omprovning.Request(appeal.decisionId(), outcome,
          amount, motivering), requestId, (tx, changed) -> AppealRepository.lock(tx, session.tenantId(), id)
          .compose(locked -> locked.filter(row -> "received".equals(row.status()) && row.omprovningDecisionId().isEmpty())
            .map(row -> AppealRepository.omprovning(tx, id, changed.decisionId(), asRequested, session.staffMemberId(), now))
            .orElseGet(() -> Future.failedFuture(ApiException.conflict("appeal_not_open")))))
        .map(result -> result.put("appealId", id.toString()).put("appealStatus", asRequested ? "lapsed" : "received"));
    });
  }

  /** Builds the bundle, hands it to the court adapter, and records the forwarding. */
  Future<JsonObject> forward(Session session, UUID id, String requestId) {
    return pool.withConnection(connection -> arrived(connection, session, id).compose(seen -> {
      if (!"received".equals(seen.appeal().status())) {
        return Future.failedFuture(ApiException.conflict("appeal_not_open"));
      }
      return contents(connection, seen);
    })).compose(contents -> vertx.executeBlocking(() -> AppealBundle.build(contents), false)
      .compose(bundle -> court.forward(new CourtForwarding.Submission(id, session.tenantId(), contents.caseReference(),
          contents.appeal().late().orElse(false), bundle.pdf()))
        .compose(reference -> pool.withTransaction(tx -> arrived(tx, session, id).compose(seen ->
          AppealRepository.forwarded(tx, id, clock.instant(), session.staffMemberId(), reference, bundle.sha256(),
              bundle.pages())
            .recover(failure -> Future.failedFuture(ApiException.conflict("appeal_not_open")))
            .compose(v -> CaseAudit.record(tx, session, seen.header(), "overklagande.forward", requestId,
              new JsonObject().put("appealId", id.toString()).put("bundleSha256", bundle.sha256()), clock.instant()))))
          .map(v -> new JsonObject().put("appealId", id.toString()).put("status", "forwarded")
            .put("courtReference", reference).put("bundleSha256", bundle.sha256()).put("pages", bundle.pages())))));
  }

  private record Seen(AppealRepository.Appeal appeal, CaseHeader header) {
  }

  /** An appeal that has arrived, of a case this staff member may see; a draft, or anything else, is 404. */
  private static Future<Seen> arrived(SqlClient client, Session session, UUID id) {
    try {
      CaseworkRoles.requireCaseRole(session);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return AppealRepository.find(client, session.tenantId(), id).compose(found -> {
      AppealRepository.Appeal appeal = found.filter(row -> !"draft".equals(row.status()))
        .orElseThrow(ApiException::notFound);
      return CaseAccess.visible(client, session, appeal.applicationId()).map(header -> new Seen(appeal, header));
    });
  }

  private static Future<Optional<CaseHeader>> visible(SqlClient tx, Session session, UUID applicationId) {
    return CaseAccess.visible(tx, session, applicationId).map(Optional::of)
      .recover(failure -> failure instanceof ApiException && ((ApiException) failure).status() == 404
        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(failure));
  }

  private Future<AppealBundle.Contents> contents(SqlClient client, Seen seen) {
    AppealRepository.Appeal appeal = seen.appeal();
    CaseHeader header = seen.header();
    UUID appellant = appeal.personId();
    String name = appellant.equals(header.applicantId()) ? header.applicantName()
      : header.coApplicantName().orElse(header.applicantName());
    return CaseDocuments.tenant(client, header.tenantId()).compose(tenant -> AppealRepository
      .decisionOf(client, header.tenantId(), appellant, appeal.decisionId()).compose(decision -> LetterRepository
        .pdf(client, appeal.letterId(), header.tenantId()).compose(letter -> omprovningLetter(client, appeal, header)
          .compose(changedLetter -> CaseDocuments.application(client, header.id()).compose(application ->
            AppealRepository.attachments(client, appeal.id()).compose(appealFiles -> read(appealFiles.stream()
              .map(file -> new CaseDocuments.StoredFile(file.fileName(), file.mediaType(), file.storageKey())).toList())
              .compose(appealBytes -> CaseDocuments.applicationFiles(client, header.id()).compose(this::read)
                .map(applicationBytes -> new AppealBundle.Contents(tenant[1], tenant[0],
                  DecisionService.caseReference(header), name, header.isProtected(), appeal,
                  decision.orElseThrow(ApiException::notFound), letter.orElseThrow(ApiException::notFound),
                  changedLetter, application.month(), application.channel(), application.submittedAt(),
                  application.content(), appealBytes, applicationBytes)))))))));
  }

  /** The omprövning's letter when the decision was changed in part: the appeal covers the new decision too. */
  private static Future<Optional<byte[]>> omprovningLetter(SqlClient client, AppealRepository.Appeal appeal,
                                                           CaseHeader header) {
    if (appeal.omprovningDecisionId().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return CaseDocuments.letterOf(client, appeal.omprovningDecisionId().get()).compose(letter -> letter
      .map(id -> LetterRepository.pdf(client, id, header.tenantId()))
      .orElseGet(() -> Future.succeededFuture(Optional.empty())));
  }

  private Future<List<AppealBundle.File>> read(List<CaseDocuments.StoredFile> files) {
    List<Future<AppealBundle.File>> reads = new ArrayList<>();
    for (CaseDocuments.StoredFile file : files) {
      reads.add(vertx.fileSystem().readFile(store.path(file.storageKey()).toString())
        .map(bytes -> new AppealBundle.File(file.name(), file.mediaType(), bytes.getBytes())));
    }
    return Future.all(reads).map(all -> all.<AppealBundle.File>list());
  }

  private static JsonObject row(AppealRepository.Appeal appeal, CaseHeader header, LocalDate today) {
    JsonObject json = ResidentAppeals.summary(appeal, Optional.empty())
      .put("household", header.householdName()).put("caseReference", DecisionService.caseReference(header))
      .put("protected", header.isProtected());
    boolean open = "received".equals(appeal.status());
    json.put("overdue", open && appeal.forwardBy().map(today::isAfter).orElse(false));
    return json;
  }

  private static BigDecimal amount(JsonObject body) {
    Object value = body.getValue("amount");
    if (!(value instanceof Number)) {
      throw ApiException.invalid("amount", "amount_invalid");
    }
    try {
      return new BigDecimal(value.toString()).setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiException.invalid("amount", "amount_invalid");
    }
  }
}
