package se.socialportal.overklagande;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.bankid.SignCompletion;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.AppealRules;
import se.socialportal.rules.RuleBook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Signing an appeal with BankID over the identity room's order service, and its completion: the appeal is dated on
 * arrival (the moment the signature completes), checked against the FL 44 § deadline and flagged when late — never
 * refused for it — and given the day by which the nämnd means to have it with the court (the tenant's target).
 */
final class AppealSigning implements SignCompletion {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("sv-SE"));

  private final Pool pool;
  private final BankIdOrders orders;
  private final Supplier<RuleBook> rules;

  AppealSigning(Pool pool, BankIdOrders orders, Supplier<RuleBook> rules) {
    this.pool = pool;
    this.orders = orders;
    this.rules = rules;
  }

  /** Completed signatures on appeal subjects come here (once per process). */
  void register() {
    orders.onSignComplete(AppealSignature.KIND, this);
  }

  Future<BankIdOrders.Started> start(BankIdOrders.Caller caller, boolean sameDevice, Session session, UUID id) {
    return pool.withConnection(connection -> ResidentAppeals.draft(connection, session, id)
      .compose(appeal -> AppealRepository.decisionOf(connection, session.tenantId(), session.residentId(),
          appeal.decisionId())
        .compose(decision -> AppealRepository.attachments(connection, id).compose(files -> {
          List<ApiException.FieldProblem> problems = new ArrayList<>();
          if (appeal.changeRequested().isBlank()) {
            problems.add(new ApiException.FieldProblem("changeRequested", "appeal_change_required"));
          }
          if (appeal.reasons().isBlank()) {
            problems.add(new ApiException.FieldProblem("reasons", "appeal_reasons_required"));
          }
          if (!problems.isEmpty()) {
            return Future.failedFuture(ApiException.invalid(problems));
          }
          AppealSignature subject = new AppealSignature(id, contentHash(appeal, files));
          return orders.startSign(caller, sameDevice, session.tenantId(), session.residentId(), subject.subject(),
            visibleText(appeal, decision.orElseThrow(ApiException::notFound), files));
        }))))
      .recover(failure -> Future.failedFuture(translate(failure)));
  }

  /** In the BankID order's transaction, exactly once per completed signature. */
  @Override
  public Future<Result> complete(SqlConnection tx, CompletedSignature signature) {
    AppealSignature signed = AppealSignature.of(signature.subject());
    UUID id = signed.appealId();
    LocalDate arrived = signature.completedAt().atZone(AppealRepository.STOCKHOLM).toLocalDate();
    return AppealRepository.lock(tx, signature.tenantId(), id).compose(found -> {
      Optional<AppealRepository.Appeal> appeal = found.filter(row -> row.personId().equals(signature.personId()));
      if (appeal.isEmpty() || !"draft".equals(appeal.get().status())) {
        return Future.succeededFuture(outcome(id, "refused", "appeal_already_sent", false));
      }
      return AppealRepository.decisionOf(tx, signature.tenantId(), signature.personId(), appeal.get().decisionId())
        .compose(decision -> AppealRepository.attachments(tx, id).compose(files -> {
          if (decision.isEmpty() || !contentHash(appeal.get(), files).equals(signed.contentSha256())) {
            return Future.succeededFuture(outcome(id, "refused", "appeal_changed", false));
          }
          // The day the decision reached the resident is read again: a letter handed to the mailbox after the draft
          // was started counts from that later day.
          LocalDate delivered = decision.get().deliveredOn();
          LocalDate deadline = AppealDeadlines.deadline(delivered);
          boolean late = AppealDeadlines.late(arrived, deadline);
          Optional<Integer> target = rules.get().overklagande(signature.tenantId(), arrived)
            .map(AppealRules::forwardWithinDays);
          return AppealRepository.received(tx, new AppealRepository.Arrival(id, delivered, deadline,
              signature.completedAt(), late, AppealDeadlines.forwardBy(arrived, target), signature.orderId(),
              signature.orderRef(), signature.signature(), signature.ocspResponse(), signature.userVisibleData(),
              signed.contentSha256()))
            .map(v -> outcome(id, "received", null, late));
        }));
    });
  }

  private static Result outcome(UUID id, String outcome, String reason, boolean late) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("appealId", id.toString());
    details.put("outcome", outcome);
    details.put("late", String.valueOf(late));
    if (reason != null) {
      details.put("reason", reason);
    }
    return new Result(Optional.of("/mina-sidor/overklagande/?id=" + id), details);
  }

  /** SHA-256 over what is signed: the decision, both texts and the attached files' own hashes, in order. */
  static String contentHash(AppealRepository.Appeal appeal, List<AppealRepository.Attachment> files) {
    JsonArray hashes = new JsonArray();
    files.forEach(file -> hashes.add(file.sha256()));
    String canonical = new JsonObject().put("decisionId", appeal.decisionId().toString())
      .put("changeRequested", appeal.changeRequested()).put("reasons", appeal.reasons()).put("attachments", hashes)
      .encode();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the BankID app shows: which decision, the change asked for, the reasons and the files — no personnummer. */
  static String visibleText(AppealRepository.Appeal appeal, AppealRepository.Decision decision,
                            List<AppealRepository.Attachment> files) {
    StringBuilder text = new StringBuilder("# Överklagande\n\nJag överklagar beslutet ")
      .append(DAY.format(decision.decidedAt().atZone(AppealRepository.STOCKHOLM)))
      .append(" om ").append(AppealBundle.typeLabel(decision.type()).toLowerCase(Locale.ROOT))
      .append(".\n\n## Ändring jag begär\n\n").append(plain(appeal.changeRequested()))
      .append("\n\n## Skäl\n\n").append(plain(appeal.reasons()));
    if (!files.isEmpty()) {
      text.append("\n\n## Bilagor\n\n");
      files.forEach(file -> text.append("+ ").append(plain(file.fileName())).append('\n'));
    }
    return text.toString();
  }

  /** simpleMarkdownV1 gives '#', '*' and '+' at a line's start meaning; a thin space keeps the resident's text text. */
  private static String plain(String text) {
    return text.replaceAll("(?m)^([#*+])", "\u2009$1");
  }

  private static Throwable translate(Throwable failure) {
    if (!(failure instanceof BankIdException)) {
      return failure;
    }
    return ((BankIdException) failure).errorCode() == ErrorCode.ALREADY_IN_PROGRESS
      ? ApiException.conflict("bankid_already_in_progress") : ApiException.of(503, "bankid_unavailable");
  }
}
