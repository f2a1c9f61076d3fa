package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.socialportal.bankid.AnimatedQr;
import se.socialportal.bankid.AuthRequest;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.BankIdException;
import se.socialportal.bankid.CollectResult;
import se.socialportal.bankid.CollectStatus;
import se.socialportal.bankid.CompletionData;
import se.socialportal.bankid.ErrorCode;
import se.socialportal.bankid.Flow;
import se.socialportal.bankid.HintCode;
import se.socialportal.bankid.OrderStart;
import se.socialportal.bankid.QrSvg;
import se.socialportal.bankid.Requirement;
import se.socialportal.bankid.SignRequest;
import se.socialportal.bankid.UserMessage;
import se.socialportal.bankid.UserVisibleData;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.Tokens;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BankID orders for residents — login and signing — on top of the RP API client: starts them bound to the browser,
 * draws QR frames from the stored secret on any instance, collects at most every two seconds across instances, and
 * hands a completed order to its purpose exactly once (login → a new session; signing → the room that asked).
 * Plain values in, records out: the routes read the request ({@link BankIdBrowsers}) and write the answer.
 */
public final class BankIdOrders {

  /** The browser that starts or follows an order, as the HTTP edge read it. */
  public record Caller(String clientAddress, String origin, String language, boolean mobileDevice) {
  }

  /** What binds an order to the browser that started it; the edge keeps the token in a cookie of the order's own. */
  public record Binding(UUID orderId, String token) {
    @Override
    public String toString() {
      return "Binding[" + orderId + "]";
    }
  }

  /** What the browser needs to follow an order it started, and the binding to hand to it. */
  public record Started(UUID orderId, String autoStartUrl, Optional<String> simulatorUrl, Binding binding) {
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("orderId", orderId.toString()).put("autoStartUrl", autoStartUrl);
      simulatorUrl.ifPresent(url -> json.put("simulatorUrl", url));
      return json;
    }
  }

  /**
   * Where an order stands, in the caller's language: pending, failed or complete; for a completed login the new
   * session's token (the edge sets it and ends the browser's earlier session), for a completed signature what the
   * room said.
   */
  public record Progress(String status, Optional<String> message, Optional<String> hintCode,
                         Optional<String> redirect, Map<String, String> details, Optional<String> newSession) {

    public Progress {
      details = Map.copyOf(details);
    }

    static Progress of(String status, String message, String hintCode) {
      return new Progress(status, Optional.ofNullable(message), Optional.ofNullable(hintCode), Optional.empty(),
        Map.of(), Optional.empty());
    }

    static Progress complete(Optional<String> redirect) {
      return new Progress("complete", Optional.empty(), Optional.empty(), redirect, Map.of(), Optional.empty());
    }

    /** The answer to the browser (never the session token: that goes in the session cookie). */
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("status", status);
      message.ifPresent(text -> json.put("message", text));
      hintCode.ifPresent(hint -> json.put("hintCode", hint));
      details.forEach(json::put);
      redirect.ifPresent(url -> json.put("redirect", url));
      return json;
    }
  }

  static final Duration COLLECT_INTERVAL = Duration.ofSeconds(2);
  private static final String LOGIN_REDIRECT = "/mina-sidor/";

  private final BankIdClient client;
  private final BankIdOrderRepository orders;
  private final PersonRepository persons;
  private final SessionStore sessions;
  private final Clock clock;
  private final Optional<String> simulatorPath;
  private final Map<String, SignCompletion> signCompletions = new ConcurrentHashMap<>();

  /** @param simulatorPath in demo mode the path of the simulator's phone page, offered next to the autostart link */
  public BankIdOrders(BankIdClient client, io.vertx.sqlclient.Pool pool, SessionStore sessions, Clock clock,
                      Optional<String> simulatorPath) {
    this.client = client;
    this.orders = new BankIdOrderRepository(pool);
    this.persons = new PersonRepository(pool);
    this.sessions = sessions;
    this.clock = clock;
    this.simulatorPath = simulatorPath;
  }

  /** Rooms register what happens when a signature on a kind of subject (e.g. "application") completes. */
  public void onSignComplete(String subjectKind, SignCompletion completion) {
    signCompletions.put(subjectKind, completion);
  }

  public Future<Started> startLogin(Caller caller, String tenantId, boolean sameDevice) {
    UUID id = UUID.randomUUID();
    Flow flow = flow(caller, sameDevice);
    String text = Messages.text(caller.language(), "bankid.login.visible");
    AuthRequest request = AuthRequest.builder(caller.clientAddress())
      .userVisibleData(UserVisibleData.simpleMarkdown(text))
      .returnUrl(returnUrl(caller, id, "/logga-in/"))
      .build();
    return client.auth(request).compose(start -> store(caller, id, tenantId, "login", null, null, flow, start, text));
  }

  /** A signature only the given person can give (BankID checks the personal number). */
  public Future<Started> startSign(Caller caller, boolean sameDevice, String tenantId, UUID signerPersonId,
                                   SignSubject subject, String userVisibleMarkdown) {
    UUID id = UUID.randomUUID();
    Flow flow = flow(caller, sameDevice);
    return persons.find(signerPersonId).compose(signer -> {
      if (signer.isEmpty()) {
        return Future.failedFuture(ApiException.notFound());
      }
      SignRequest request = SignRequest.builder(caller.clientAddress(),
          UserVisibleData.simpleMarkdown(userVisibleMarkdown))
        .requirement(Requirement.builder().personalNumber(signer.get().personnummer().value()).build())
        .returnUrl(returnUrl(caller, id, "/mina-sidor/"))
        .build();
      return client.sign(request).compose(start ->
        store(caller, id, tenantId, "sign", subject.stored(), signerPersonId, flow, start, userVisibleMarkdown));
    });
  }

  /** A new random binding for this order: only the browser the edge hands it to can follow the order. */
  private Future<Started> store(Caller caller, UUID id, String tenantId, String purpose, String subject,
                                UUID expectedPerson, Flow flow, OrderStart start, String visibleText) {
    Binding binding = new Binding(id, Tokens.random());
    AnimatedQr qr = start.qr();
    return orders.insert(id, tenantId, purpose, subject, expectedPerson, Tokens.sha256(binding.token()),
        flowColumn(flow), start.orderRef(), start.autoStartToken(), qr.qrStartToken(), qr.secretForServerSideStorage(),
        visibleText, qr.startedAt())
      .map(v -> new Started(id, start.desktopLaunchUrl(),
        simulatorPath.map(path -> caller.origin() + path + "?autostarttoken=" + start.autoStartToken()), binding));
  }

  /** The current QR frame as SVG, drawn from the stored secret (never sent to the browser). */
  public Future<String> qrFrame(UUID id, Optional<String> binding, String language) {
    return bound(id, binding).map(order -> {
      if (!order.pending() || order.qrStartSecret().isEmpty()) {
        throw ApiException.notFound();
      }
      AnimatedQr qr = new AnimatedQr(order.qrStartToken(), order.qrStartSecret().get(), order.startedAt());
      return QrSvg.render(qr.payloadAt(clock.instant()), Messages.text(language, "bankid.qr_label"));
    });
  }

  /** Where the order stands, in the person's language; completes it (once) when BankID says complete. */
  public Future<Progress> collect(UUID id, Optional<String> binding, String language) {
    Instant now = clock.instant();
    return bound(id, binding).compose(order -> {
      if (!order.pending()) {
        return Future.succeededFuture(stored(language, order));
      }
      return orders.claimCollect(id, now, COLLECT_INTERVAL).compose(claimed -> claimed
        ? client.collect(order.orderRef()).compose(result -> apply(language, order, result),
            failure -> collectFailed(language, order, failure))
        : Future.succeededFuture(stored(language, order)));
    });
  }

  public Future<Void> cancel(UUID id, Optional<String> binding) {
    return bound(id, binding).compose(order -> {
      if (!order.pending()) {
        return Future.succeededFuture();
      }
      // Cancelled on our side even if BankID no longer knows the order.
      return client.cancel(order.orderRef()).recover(ignored -> Future.succeededFuture())
        .compose(v -> orders.finish(id, "cancelled", "cancelled", clock.instant()));
    });
  }

  private Future<Progress> apply(String language, BankIdOrderRepository.StoredOrder order, CollectResult result) {
    if (result.isComplete()) {
      return complete(language, order, result.completionData());
    }
    if (result.status() == CollectStatus.FAILED) {
      return orders.finish(order.id(), "failed", result.rawHintCode(), clock.instant())
        .map(v -> answer(language, "failed", result.rawHintCode(), flowOf(order), CollectStatus.FAILED));
    }
    return orders.pendingHint(order.id(), result.rawHintCode())
      .map(v -> answer(language, "pending", result.rawHintCode(), flowOf(order), CollectStatus.PENDING));
  }

  /** BankID no longer knows the order, or cannot be reached: the order ends, the person can start again. */
  private Future<Progress> collectFailed(String language, BankIdOrderRepository.StoredOrder order,
                                         Throwable failure) {
    if (failure instanceof BankIdException && ((BankIdException) failure).errorCode() == ErrorCode.MAINTENANCE) {
      return Future.succeededFuture(answer(language, "pending", order.hintCode().orElse(null), flowOf(order),
        CollectStatus.PENDING));
    }
    String message = failure instanceof BankIdException
      ? statusText(((BankIdException) failure).userMessage(), language, flowOf(order))
      : Messages.text(language, "error.bankid_unavailable");
    return orders.finish(order.id(), "failed", "error", clock.instant())
      .map(v -> Progress.of("failed", message, null));
  }

  private Future<Progress> complete(String language, BankIdOrderRepository.StoredOrder order, CompletionData data) {
    Optional<Personnummer> who = Personnummer.parse(data.user().personalNumber(), clock.instant()
      .atZone(clock.getZone()).toLocalDate());
    if (who.isEmpty()) {
      return orders.finish(order.id(), "failed", "invalidPersonalNumber", clock.instant())
        .map(v -> answer(language, "failed", null, flowOf(order), CollectStatus.FAILED));
    }
    return orders.pool().withTransaction(tx -> new PersonRepository(tx)
      .upsertFromLogin(who.get(), data.user().givenName(), data.user().surname())
      .compose(person -> {
        if (order.expectedPersonId().isPresent() && !order.expectedPersonId().get().equals(person.id())) {
          return Future.failedFuture(ApiException.forbidden("bankid_wrong_signer"));
        }
        JsonObject evidence = "sign".equals(order.purpose()) ? new JsonObject()
          .put("orderRef", order.orderRef()).put("signature", data.signature())
          .put("ocspResponse", data.ocspResponse()) : null;
        return orders.consume(tx, order.id(), clock.instant(), person.id(), evidence).compose(first -> {
          if (!first) {
            return Future.succeededFuture(Progress.complete(Optional.empty()));
          }
          return "login".equals(order.purpose())
            ? loginCompleted(tx, order, person)
            : signCompleted(tx, order, person.id(), data);
        });
      }));
  }

  /** A fresh session at login (never reuse a session from before authentication); the edge sets its cookie. */
  private Future<Progress> loginCompleted(io.vertx.sqlclient.SqlConnection tx, BankIdOrderRepository.StoredOrder order,
                                          PersonRepository.Person person) {
    return sessions.createResident(tx, order.tenantId(), person.id(), person.displayName())
      .map(created -> new Progress("complete", Optional.empty(), Optional.empty(), Optional.of(LOGIN_REDIRECT),
        Map.of(), Optional.of(created.token())));
  }

  private Future<Progress> signCompleted(io.vertx.sqlclient.SqlConnection tx, BankIdOrderRepository.StoredOrder order,
                                         UUID personId, CompletionData data) {
    SignSubject subject = SignSubject.parse(order.subject().orElse(""));
    SignCompletion completion = Optional.ofNullable(signCompletions.get(subject.kind()))
      .orElseThrow(() -> new IllegalStateException("no completion registered for " + subject.kind() + " subjects"));
    return completion.complete(tx, new SignCompletion.CompletedSignature(order.id(), order.tenantId(), subject, personId,
        order.orderRef(), data.signature(), data.ocspResponse(), order.userVisibleData(), clock.instant()))
      .map(result -> new Progress("complete", Optional.empty(), Optional.empty(), result.redirect(),
        result.details(), Optional.empty()));
  }

  private Progress stored(String language, BankIdOrderRepository.StoredOrder order) {
    if ("complete".equals(order.status())) {
      return Progress.complete("login".equals(order.purpose()) ? Optional.of(LOGIN_REDIRECT) : Optional.empty());
    }
    CollectStatus status = order.pending() ? CollectStatus.PENDING : CollectStatus.FAILED;
    return answer(language, order.pending() ? "pending" : order.status(), order.hintCode().orElse(null),
      flowOf(order), status);
  }

  private static Progress answer(String language, String status, String hint, Flow flow, CollectStatus collectStatus) {
    CollectResult shape = new CollectResult(null, collectStatus, collectStatus.wireName(), HintCode.fromWire(hint),
      hint, null);
    String message = shape.userMessage(flow).map(m -> statusText(m, language, flow))
      .orElse(Messages.text(language, "bankid.in_progress"));
    return Progress.of(status, message, hint);
  }

  /**
   * BankID's recommended text for the person's language: BankID words its texts in Swedish and English
   * ({@link UserMessage}); another language has them in its bundle ({@code bankid.rfa.<RFA>[.variant]}).
   */
  static String statusText(UserMessage message, String language, Flow flow) {
    String key = "bankid.rfa." + message.name() + (message.usesVariant(flow) ? ".variant" : "");
    return Messages.own(language, key).orElseGet(() -> message.text(Locale.forLanguageTag(language), flow));
  }

  /** The order of the given id, if the caller holds its binding; anyone else gets 404. */
  private Future<BankIdOrderRepository.StoredOrder> bound(UUID id, Optional<String> binding) {
    if (binding.isEmpty()) {
      return Future.failedFuture(ApiException.notFound());
    }
    return orders.findBound(id, Tokens.sha256(binding.get()))
      .map(found -> found.orElseThrow(ApiException::notFound));
  }

  private static String returnUrl(Caller caller, UUID id, String page) {
    return caller.origin() + page + "#order=" + id;
  }

  private static Flow flow(Caller caller, boolean sameDevice) {
    if (!sameDevice) {
      return Flow.QR_CODE;
    }
    return caller.mobileDevice() ? Flow.SAME_DEVICE_MOBILE : Flow.SAME_DEVICE_COMPUTER;
  }

  private static String flowColumn(Flow flow) {
    return flow == Flow.QR_CODE ? "qr" : flow == Flow.SAME_DEVICE_MOBILE ? "same_device_mobile" : "same_device_computer";
  }

  private static Flow flowOf(BankIdOrderRepository.StoredOrder order) {
    return "qr".equals(order.flow()) ? Flow.QR_CODE
      : "same_device_mobile".equals(order.flow()) ? Flow.SAME_DEVICE_MOBILE : Flow.SAME_DEVICE_COMPUTER;
  }
}
