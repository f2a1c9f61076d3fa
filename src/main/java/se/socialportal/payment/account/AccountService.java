package se.socialportal.payment.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.audit.AuditEntry;
import se.socialportal.audit.AuditLog;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.bankid.SignCompletion;
import se.socialportal.identity.bankid.SignSubject;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.JsonFields;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The resident's payout account. Registering or changing it is confirmed with the resident's own BankID signature
 * (the BankID order service binds the order to the browser and calls {@link #complete} exactly once, in the
 * transaction that marks the order used): the account, the signature and the text signed are stored together, the
 * earlier account is kept as superseded, and any payment already attested to the earlier account goes back to the
 * attestant — money never follows an account nobody attested it to.
 */
public final class AccountService {

  /** The kind of BankID signature subject a payout account's confirmation is (its reference: the request's id). */
  public static final String SUBJECT_KIND = "payout_account";
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String UNATTEST = "UPDATE payment SET status = 'awaiting_attest', attested_by = NULL, "
    + "attested_at = NULL, account_id = NULL, creditor_name = NULL, creditor_kind = NULL, creditor_clearing = NULL, "
    + "creditor_number = NULL, updated_at = $3 WHERE tenant_id = $1 AND payee_id = $2 AND status = 'attested'";

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;
  private final BankIdOrders orders;

  public AccountService(Pool pool, Clock clock, Supplier<RuleBook> rules, BankIdOrders orders) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
    this.orders = orders;
  }

  /** A started account signature: the BankID order, and the account it is about as the resident may see it. */
  public record Started(BankIdOrders.Started order, String bank, String masked) {
    public JsonObject toJson() {
      return order.toJson().put("bank", bank).put("masked", masked);
    }
  }

  /** Registers the completion of every signature on a payout account with the BankID order service. */
  public void registerCompletion() {
    orders.onSignComplete(SUBJECT_KIND, this::complete);
  }

  /** The account in use, as the resident sees it (bank, masked number, since when); empty when there is none. */
  public Future<JsonObject> mine(Session session) {
    return AccountRepository.current(pool, session.tenantId(), session.residentId()).map(found -> {
      JsonObject answer = new JsonObject().put("giroAccepted", calendar(session.tenantId()).map(PaymentCalendar::giroAccepted)
        .orElse(false));
      found.ifPresent(account -> answer.put("account", new JsonObject().put("kind", account.kind().code())
        .put("bank", account.bankName()).put("masked", account.masked())
        .put("registeredAt", account.registeredAt().toString())));
      return answer;
    });
  }

  /**
   * Checks what the resident typed and starts a BankID signature on it; the account is registered only when the
   * signature completes. Body: {kind: bank|bankgiro|plusgiro, clearing, number}.
   */
  public Future<Started> start(BankIdOrders.Caller caller, boolean sameDevice, Session session, JsonObject body) {
    AccountNumbers.Kind kind = AccountNumbers.Kind.of(Optional.ofNullable(JsonFields.optionalText(body, "kind"))
      .orElse("bank"));
    AccountNumbers.Account account = switch (kind) {
      case BANK -> AccountNumbers.bank(JsonFields.optionalText(body, "clearing"), JsonFields.optionalText(body, "number"));
      case BANKGIRO -> AccountNumbers.bankgiro(JsonFields.optionalText(body, "number"));
      case PLUSGIRO -> AccountNumbers.plusgiro(JsonFields.optionalText(body, "number"));
    };
    Optional<PaymentCalendar> calendar = calendar(session.tenantId());
    if (kind != AccountNumbers.Kind.BANK && !calendar.map(PaymentCalendar::giroAccepted).orElse(false)) {
      throw ApiException.invalid("kind", "account_giro_not_accepted");
    }
    return ownPersonkonto(session, account).compose(own -> {
      UUID requestId = UUID.randomUUID();
      String text = signedText(calendar, account);
      return orders.startSign(caller, sameDevice, session.tenantId(), session.residentId(),
          new SignSubject(SUBJECT_KIND, requestId.toString()), text)
        .recover(failure -> Future.failedFuture(translate(failure)))
        .compose(started -> AccountRepository.insertRequest(pool, requestId, session.tenantId(), session.residentId(),
            account, clock.instant())
          .map(v -> new Started(started, account.bankName(), account.masked())));
    });
  }

  /** Runs in the BankID order's transaction, once per completed signature on a payout account. */
  Future<SignCompletion.Result> complete(SqlConnection tx, SignCompletion.CompletedSignature signed) {
    UUID requestId;
    try {
      requestId = UUID.fromString(signed.subject().reference());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("not a payout account signature subject"));
    }
    Instant now = clock.instant();
    return AccountRepository.lockRequest(tx, requestId).compose(found -> {
      if (found.isEmpty() || found.get().completedAt().isPresent() || !found.get().personId().equals(signed.personId())
          || !found.get().tenantId().equals(signed.tenantId())) {
        return Future.succeededFuture(new SignCompletion.Result(Optional.empty(),
          Map.of("outcome", "refused", "reason", "account_request_gone")));
      }
      AccountRepository.Request request = found.get();
      return AccountRepository.register(tx, request, signed.orderId(), signed.orderRef(), signed.signature(),
          signed.ocspResponse(), signed.userVisibleData(), now)
        .compose(accountId -> tx.preparedQuery(UNATTEST).execute(Tuple.of(request.tenantId(), request.personId(),
            java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)))
          .compose(unattested -> {
            if (unattested.rowCount() > 0) {
              LOG.info("An account change sent {} attested payment(s) back to the attestant", unattested.rowCount());
            }
            AuditEntry entry = new AuditEntry(request.tenantId(), AuditEntry.ActorKind.RESIDENT, Optional.empty(),
              Optional.of(request.personId()), "payout_account.register", Optional.of(request.personId()),
              Optional.empty(), Optional.empty(), new JsonObject().put("bank", request.bankName())
                .put("accountId", accountId.toString()));
            return AuditLog.record(tx, entry, now);
          })
          .map(v -> new SignCompletion.Result(Optional.of("/mina-sidor/konto/"), Map.of("outcome",
            "account_registered", "bank", request.bankName(), "masked", request.masked()))));
    });
  }

  /** A Nordea personkonto is the holder's personnummer: only the resident's own can be theirs. */
  private Future<Boolean> ownPersonkonto(Session session, AccountNumbers.Account account) {
    if (!account.personkonto()) {
      return Future.succeededFuture(true);
    }
    return new PersonRepository(pool).find(session.residentId()).compose(person -> {
      boolean own = person.map(found -> found.personnummer().value().substring(2).equals(account.number()))
        .orElse(false);
      return own ? Future.succeededFuture(true)
        : Future.failedFuture(ApiException.invalid("number", "account_personkonto_not_own"));
    });
  }

  /** What the resident reads and signs in the BankID app: whose account, which municipality pays to it. */
  private static String signedText(Optional<PaymentCalendar> calendar, AccountNumbers.Account account) {
    String payer = calendar.map(found -> found.payer().name()).orElse("kommunen");
    String number = account.clearing().map(clearing -> clearing + " " + account.number()).orElse(account.number());
    return "Jag vill att utbetalningar av ekonomiskt bistånd från " + payer + " görs till mitt konto i "
      + account.bankName() + ": " + number + ".";
  }

  private Optional<PaymentCalendar> calendar(String tenantId) {
    return rules.get().paymentCalendar(tenantId, LocalDate.ofInstant(clock.instant(), STOCKHOLM));
  }

  private static Throwable translate(Throwable failure) {
    if (!(failure instanceof BankIdException)) {
      return failure;
    }
    return ((BankIdException) failure).errorCode() == ErrorCode.ALREADY_IN_PROGRESS
      ? ApiException.conflict("bankid_already_in_progress")
      : ApiException.of(503, "bankid_unavailable");
  }
}
