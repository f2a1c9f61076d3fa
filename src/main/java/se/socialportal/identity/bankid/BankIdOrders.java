package se.socialportal.identity.bankid;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
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
import se.socialportal.bankid.UserVisibleData;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.Tokens;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.HttpSettings;
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
 */
public final class BankIdOrders {

  /** What the browser needs to follow an order it started. */
  public record Started(UUID orderId, String autoStartUrl, Optional<String> simulatorUrl) {
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("orderId", orderId.toString()).put("autoStartUrl", autoStartUrl);
      simulatorUrl.ifPresent(url -> json.put("simulatorUrl", url));
      return json;
    }
  }

  static final Duration COLLECT_INTERVAL = Duration.ofSeconds(2);
  // One cookie per order, named after it and sent only to its own paths: several tabs each follow their own order,
  // and a value the browser already had (planted by another site) is never used.
  private static final String BINDING_COOKIE = "sp_bankid_";
  private static final Duration BINDING_LIFETIME = Duration.ofMinutes(30);

  private final BankIdClient client;
  private final BankIdOrderRepository orders;
  private final PersonRepository persons;
  private final SessionAccess sessions;
  private final HttpSettings http;
  private final Clock clock;
  private final Optional<String> simulatorPath;
  private final Map<String, SignCompletion> signCompletions = new ConcurrentHashMap<>();

  /** @param simulatorPath in demo mode the path of the simulator's phone page, offered next to the autostart link */
  public BankIdOrders(BankIdClient client, io.vertx.sqlclient.Pool pool, SessionAccess sessions, HttpSettings http,
                      Clock clock, Optional<String> simulatorPath) {
    this.client = client;
    this.orders = new BankIdOrderRepository(pool);
    this.persons = new PersonRepository(pool);
    this.sessions = sessions;
    this.http = http;
    this.clock = clock;
    this.simulatorPath = simulatorPath;
  }

  /** Rooms register what happens when a signature on their subjects (e.g. "application:") completes. */
  public void onSignComplete(String subjectPrefix, SignCompletion completion) {
    signCompletions.put(subjectPrefix, completion);
  }

  public Future<Started> startLogin(RoutingContext ctx, String tenantId, boolean sameDevice) {
    UUID id = UUID.randomUUID();
    Flow flow = flow(ctx, sameDevice);
    String text = Messages.text(Messages.language(ctx), "bankid.login.visible");
    AuthRequest request = AuthRequest.builder(http.clientAddress().of(ctx))
      .userVisibleData(UserVisibleData.simpleMarkdown(text))
      .returnUrl(returnUrl(ctx, id, "/logga-in/"))
      .build();
    return client.auth(request).compose(start -> store(ctx, id, tenantId, "login", null, null, flow, start, text));
  }

  /** A signature only the given person can give (BankID checks the personal number). */
  public Future<Started> startSign(RoutingContext ctx, String tenantId, UUID signerPersonId, String subject,
                                   String userVisibleMarkdown) {
    UUID id = UUID.randomUUID();
    Flow flow = flow(ctx, !"qr".equals(ctx.request().getParam("device")));
    return persons.find(signerPersonId).compose(signer -> {
      if (signer.isEmpty()) {
        return Future.failedFuture(ApiException.notFound());
      }
      SignRequest request = SignRequest.builder(http.clientAddress().of(ctx),
          UserVisibleData.simpleMarkdown(userVisibleMarkdown))
        .requirement(Requirement.builder().personalNumber(signer.get().personnummer().value()).build())
        .returnUrl(returnUrl(ctx, id, "/mina-sidor/"))
        .build();
      return client.sign(request).compose(start ->
        store(ctx, id, tenantId, "sign", subject, signerPersonId, flow, start, userVisibleMarkdown));
    });
  }

  private Future<Started> store(RoutingContext ctx, UUID id, String tenantId, String purpose, String subject,
                                UUID expectedPerson, Flow flow, OrderStart start, String visibleText) {
    String binding = bind(ctx, id);
    AnimatedQr qr = start.qr();
    return orders.insert(id, tenantId, purpose, subject, expectedPerson, Tokens.sha256(binding), flowColumn(flow),
        start.orderRef(), start.autoStartToken(), qr.qrStartToken(), qr.secretForServerSideStorage(), visibleText,
        qr.startedAt())
      .map(v -> new Started(id, start.desktopLaunchUrl(),
        simulatorPath.map(path -> http.origin(ctx) + path + "?autostarttoken=" + start.autoStartToken())));
  }

  /** The current QR frame as SVG, drawn from the stored secret (never sent to the browser). */
  public Future<String> qrFrame(RoutingContext ctx, UUID id) {
    return bound(ctx, id).map(order -> {
      if (!order.pending() || order.qrStartSecret().isEmpty()) {
        throw ApiException.notFound();
      }
      AnimatedQr qr = new AnimatedQr(order.qrStartToken(), order.qrStartSecret().get(), order.startedAt());
      return QrSvg.render(qr.payloadAt(clock.instant()), Messages.text(Messages.language(ctx), "bankid.qr_label"));
    });
  }

  /** Where the order stands, in the person's language; completes it (once) when BankID says complete. */
  public Future<JsonObject> collect(RoutingContext ctx, UUID id) {
    Instant now = clock.instant();
    return bound(ctx, id).compose(order -> {
      if (!order.pending()) {
        return Future.succeededFuture(stored(ctx, order));
      }
      return orders.claimCollect(id, now, COLLECT_INTERVAL).compose(claimed -> claimed
        ? client.collect(order.orderRef()).compose(result -> apply(ctx, order, result),
            failure -> collectFailed(ctx, order, failure))
        : Future.succeededFuture(stored(ctx, order)));
    });
  }

  public Future<Void> cancel(RoutingContext ctx, UUID id) {
    return bound(ctx, id).compose(order -> {
      if (!order.pending()) {
        return Future.succeededFuture();
      }
      // Cancelled on our side even if BankID no longer knows the order.
      return client.cancel(order.orderRef()).recover(ignored -> Future.succeededFuture())
        .compose(v -> orders.finish(id, "cancelled", "cancelled", clock.instant()));
    });
  }

  private Future<JsonObject> apply(RoutingContext ctx, BankIdOrderRepository.StoredOrder order, CollectResult result) {
    if (result.isComplete()) {
      return complete(ctx, order, result.completionData());
    }
    if (result.status() == CollectStatus.FAILED) {
      return orders.finish(order.id(), "failed", result.rawHintCode(), clock.instant())
        .map(v -> answer(ctx, "failed", result.rawHintCode(), flowOf(order), CollectStatus.FAILED));
    }
    return orders.pendingHint(order.id(), result.rawHintCode())
      .map(v -> answer(ctx, "pending", result.rawHintCode(), flowOf(order), CollectStatus.PENDING));
  }

  /** BankID no longer knows the order, or cannot be reached: the order ends, the person can start again. */
  private Future<JsonObject> collectFailed(RoutingContext ctx, BankIdOrderRepository.StoredOrder order,
                                           Throwable failure) {
    if (failure instanceof BankIdException && ((BankIdException) failure).errorCode() == ErrorCode.MAINTENANCE) {
      return Future.succeededFuture(answer(ctx, "pending", order.hintCode().orElse(null), flowOf(order),
        CollectStatus.PENDING));
    }
    String message = failure instanceof BankIdException
      ? ((BankIdException) failure).userMessage().text(locale(ctx), flowOf(order))
      : Messages.text(Messages.language(ctx), "error.bankid_unavailable");
    return orders.finish(order.id(), "failed", "error", clock.instant())
      .map(v -> new JsonObject().put("status", "failed").put("message", message));
  }

  private Future<JsonObject> complete(RoutingContext ctx, BankIdOrderRepository.StoredOrder order,
                                      CompletionData data) {
    Optional<Personnummer> who = Personnummer.parse(data.user().personalNumber(), clock.instant()
      .atZone(clock.getZone()).toLocalDate());
    if (who.isEmpty()) {
      return orders.finish(order.id(), "failed", "invalidPersonalNumber", clock.instant())
        .map(v -> answer(ctx, "failed", null, flowOf(order), CollectStatus.FAILED));
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
            return Future.succeededFuture(new JsonObject().put("status", "complete"));
          }
          return "login".equals(order.purpose())
            ? loginCompleted(ctx, tx, order, person)
            : signCompleted(tx, order, person.id(), data);
        });
      }));
  }

  private Future<JsonObject> loginCompleted(RoutingContext ctx, io.vertx.sqlclient.SqlConnection tx,
                                            BankIdOrderRepository.StoredOrder order, PersonRepository.Person person) {
    return sessions.store().createResident(tx, order.tenantId(), person.id(), person.displayName())
      .map(created -> {
        // A fresh session id at login (never reuse a session from before authentication).
        sessions.store().end(sessions.cookies().read(ctx), "replaced");
        sessions.cookies().set(ctx, created.token());
        return new JsonObject().put("status", "complete").put("redirect", "/mina-sidor/");
      });
  }

  private Future<JsonObject> signCompleted(io.vertx.sqlclient.SqlConnection tx, BankIdOrderRepository.StoredOrder order,
                                           UUID personId, CompletionData data) {
    String subject = order.subject().orElse("");
    SignCompletion completion = signCompletions.entrySet().stream()
      .filter(entry -> subject.startsWith(entry.getKey())).map(Map.Entry::getValue).findFirst()
      .orElseThrow(() -> new IllegalStateException("no completion registered for subject " + subject));
    return completion.complete(tx, new SignCompletion.CompletedSignature(order.id(), order.tenantId(), subject, personId,
        order.orderRef(), data.signature(), data.ocspResponse(), order.userVisibleData(), clock.instant()))
      .map(extra -> new JsonObject().put("status", "complete").mergeIn(extra == null ? new JsonObject() : extra));
  }

  private JsonObject stored(RoutingContext ctx, BankIdOrderRepository.StoredOrder order) {
    if ("complete".equals(order.status())) {
      JsonObject done = new JsonObject().put("status", "complete");
      if ("login".equals(order.purpose())) {
        done.put("redirect", "/mina-sidor/");
      }
      return done;
    }
    CollectStatus status = order.pending() ? CollectStatus.PENDING : CollectStatus.FAILED;
    return answer(ctx, order.pending() ? "pending" : order.status(), order.hintCode().orElse(null), flowOf(order), status);
  }

  private JsonObject answer(RoutingContext ctx, String status, String hint, Flow flow, CollectStatus collectStatus) {
    CollectResult shape = new CollectResult(null, collectStatus, collectStatus.wireName(), HintCode.fromWire(hint),
      hint, null);
    String message = shape.userMessage(flow).map(m -> m.text(locale(ctx), flow))
      .orElse(Messages.text(Messages.language(ctx), "bankid.in_progress"));
    JsonObject json = new JsonObject().put("status", status).put("message", message);
    if (hint != null) {
      json.put("hintCode", hint);
    }
    return json;
  }

  private Future<BankIdOrderRepository.StoredOrder> bound(RoutingContext ctx, UUID id) {
    var cookie = ctx.request().getCookie(cookieName(id));
    if (cookie == null) {
      return Future.failedFuture(ApiException.notFound());
    }
    return orders.findBound(id, Tokens.sha256(cookie.getValue()))
      .map(found -> found.orElseThrow(ApiException::notFound));
  }

  /**
   * A new random binding for this order, issued by us in a cookie of its own: whatever binding cookie the browser
   * sent is ignored, so nobody can prepare a value, plant it in someone's browser and then follow their login.
   */
  private String bind(RoutingContext ctx, UUID id) {
    String token = Tokens.random();
    ctx.response().addCookie(sessions.cookies().base(ctx, cookieName(id), token)
      .setPath("/api/v1/bankid/orders/" + id).setMaxAge(BINDING_LIFETIME.toSeconds()));
    return token;
  }

  private static String cookieName(UUID id) {
    return BINDING_COOKIE + id.toString().replace("-", "");
  }

  private String returnUrl(RoutingContext ctx, UUID id, String page) {
    return http.origin(ctx) + page + "#order=" + id;
  }

  private static Flow flow(RoutingContext ctx, boolean sameDevice) {
    if (!sameDevice) {
      return Flow.QR_CODE;
    }
    String agent = String.valueOf(ctx.request().getHeader("User-Agent")).toLowerCase(Locale.ROOT);
    return agent.contains("mobile") || agent.contains("android") || agent.contains("iphone")
      ? Flow.SAME_DEVICE_MOBILE : Flow.SAME_DEVICE_COMPUTER;
  }

  private static String flowColumn(Flow flow) {
    return flow == Flow.QR_CODE ? "qr" : flow == Flow.SAME_DEVICE_MOBILE ? "same_device_mobile" : "same_device_computer";
  }

  private static Flow flowOf(BankIdOrderRepository.StoredOrder order) {
    return "qr".equals(order.flow()) ? Flow.QR_CODE
      : "same_device_mobile".equals(order.flow()) ? Flow.SAME_DEVICE_MOBILE : Flow.SAME_DEVICE_COMPUTER;
  }

  private static Locale locale(RoutingContext ctx) {
    return Locale.forLanguageTag(Messages.language(ctx));
  }
}
