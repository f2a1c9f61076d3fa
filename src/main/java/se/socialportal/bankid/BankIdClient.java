package se.socialportal.bankid;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * BankID Relying Party API v6.0 over mutual TLS. One instance per process; it is thread-safe and may be shared by
 * every verticle. All methods return futures; a failure is a {@link BankIdException} (BankID said no, or could not
 * be reached) or an {@link InvalidRequestException} (the client refused to send it).
 *
 * <p>Behaviour BankID asks of an RP, built in: {@code Content-Type: application/json} exactly (a charset parameter
 * gets 415); collect at most every two seconds per order ({@link CollectThrottle}); {@code maintenance} is retried
 * silently at most twice, nothing else is retried. Personal numbers never appear in what this class logs or throws.
 */
public final class BankIdClient {

  private static final Logger LOG = LoggerFactory.getLogger(BankIdClient.class);
  private static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9-]{1,100}");
  private static final String JSON = "application/json";

  private final Vertx vertx;
  private final BankIdClientOptions options;
  private final WebClient http;
  private final CollectThrottle throttle;

  private BankIdClient(Vertx vertx, BankIdClientOptions options) {
    this.vertx = vertx;
    this.options = options;
    int timeoutMillis = (int) options.requestTimeout().toMillis();
    this.http = WebClient.create(vertx, new WebClientOptions()
      .setSsl(true)
      .setKeyCertOptions(options.credentials().keyCertOptions())
      .setTrustOptions(options.credentials().trustOptions())
      .setVerifyHost(true)
      .setConnectTimeout(timeoutMillis)
      .setFollowRedirects(false)
      .setUserAgentEnabled(false));
    this.throttle = new CollectThrottle(options.clock(), options.collectInterval(), options.collectCacheMaxAge());
  }

  public static BankIdClient create(Vertx vertx, BankIdClientOptions options) {
    return new BankIdClient(vertx, options);
  }

  public URI baseUrl() {
    return options.baseUrl();
  }

  public BankIdClientOptions options() {
    return options;
  }

  public Future<OrderStart> auth(AuthRequest request) {
    AuthRequest sent = request.withRequirement(withDefaults(request.requirement()));
    return post("/auth", sent.toJson()).map(this::orderStart);
  }

  public Future<OrderStart> sign(SignRequest request) {
    SignRequest sent = request.withRequirement(withDefaults(request.requirement()));
    return post("/sign", sent.toJson()).map(this::orderStart);
  }

  public Future<PhoneOrderStart> phoneAuth(PhoneAuthRequest request) {
    PhoneAuthRequest sent = request.withRequirement(withDefaults(request.requirement()));
    return post("/phone/auth", sent.toJson()).map(json -> new PhoneOrderStart(orderRef("/phone/auth", json)));
  }

  public Future<PhoneOrderStart> phoneSign(PhoneSignRequest request) {
    PhoneSignRequest sent = request.withRequirement(withDefaults(request.requirement()));
    return post("/phone/sign", sent.toJson()).map(json -> new PhoneOrderStart(orderRef("/phone/sign", json)));
  }

  /**
   * The order's state. Asked again within two seconds, this answers from the previous call without contacting
   * BankID, so callers may poll as they like.
   */
  public Future<CollectResult> collect(String orderRef) {
    if (orderRef == null || !ORDER_REF.matcher(orderRef).matches()) {
      return Future.failedFuture(new InvalidRequestException("orderRef", "must be the orderRef BankID returned"));
    }
    Future<CollectResult> shared = throttle.collect(orderRef, () ->
      post("/collect", new JsonObject().put("orderRef", orderRef)).map(json -> collectResult(json)));
    return onCallersContext(shared);
  }

  /** Cancels a pending order (e.g. the user closed the login dialogue). */
  public Future<Void> cancel(String orderRef) {
    if (orderRef == null || !ORDER_REF.matcher(orderRef).matches()) {
      return Future.failedFuture(new InvalidRequestException("orderRef", "must be the orderRef BankID returned"));
    }
    throttle.forget(orderRef);
    return post("/cancel", new JsonObject().put("orderRef", orderRef)).mapEmpty();
  }

  public void close() {
    http.close();
  }

  private Requirement withDefaults(Requirement requirement) {
    return requirement.withDefaultPolicies(options.defaultCertificatePolicies());
  }

  private OrderStart orderStart(JsonObject json) {
    String orderRef = orderRef("/auth or /sign", json);
    String autoStartToken = json.getValue("autoStartToken") instanceof String token ? token : null;
    String qrStartToken = json.getValue("qrStartToken") instanceof String token ? token : null;
    String qrStartSecret = json.getValue("qrStartSecret") instanceof String secret ? secret : null;
    if (autoStartToken == null || qrStartToken == null || qrStartSecret == null) {
      throw ErrorResponses.unexpected("/auth or /sign", 200, "start response without autoStartToken/qrStartToken/qrStartSecret");
    }
    LOG.debug("BankID order {} started", orderRef);
    return new OrderStart(orderRef, autoStartToken,
      new AnimatedQr(qrStartToken, qrStartSecret, options.clock().instant()));
  }

  private static String orderRef(String endpoint, JsonObject json) {
    if (json.getValue("orderRef") instanceof String orderRef && !orderRef.isBlank()) {
      return orderRef;
    }
    throw ErrorResponses.unexpected(endpoint, 200, "response without orderRef");
  }

  private static CollectResult collectResult(JsonObject json) {
    if (!(json.getValue("orderRef") instanceof String) || !(json.getValue("status") instanceof String)) {
      throw ErrorResponses.unexpected("/collect", 200, "collect response without orderRef or status");
    }
    CollectResult result = CollectResult.fromJson(json);
    LOG.debug("BankID order {}: {} {}", result.orderRef(), result.rawStatus(), result.rawHintCode());
    return result;
  }

  private Future<JsonObject> post(String endpoint, JsonObject body) {
    return attempt(endpoint, body.toBuffer(), 0);
  }

  private Future<JsonObject> attempt(String endpoint, Buffer body, int retriesDone) {
    return send(endpoint, body).recover(failure -> {
      if (failure instanceof BankIdException bankId && bankId.errorCode() == ErrorCode.MAINTENANCE
          && retriesDone < options.maintenanceRetries()) {
        long delay = Math.max(1, options.maintenanceBackoff().toMillis() * (retriesDone + 1));
        LOG.info("BankID {} answered maintenance; retrying in {} ms", endpoint, delay);
        return vertx.timer(delay).compose(ignored -> attempt(endpoint, body, retriesDone + 1));
      }
      return Future.failedFuture(failure);
    });
  }

  private Future<JsonObject> send(String endpoint, Buffer body) {
    return http.postAbs(options.baseUrl() + endpoint)
      .putHeader("Content-Type", JSON)
      .putHeader("Accept", JSON)
      .timeout(options.requestTimeout().toMillis())
      .sendBuffer(body)
      .transform(answer -> answer.succeeded()
        ? interpret(endpoint, answer.result())
        : Future.failedFuture(BankIdException.connectionFailed(endpoint, answer.cause())));
  }

  private static Future<JsonObject> interpret(String endpoint, HttpResponse<Buffer> response) {
    if (response.statusCode() != 200) {
      BankIdException failure = ErrorResponses.toException(endpoint, response.statusCode(), response.body());
      LOG.debug("{}", failure.getMessage());
      return Future.failedFuture(failure);
    }
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return Future.succeededFuture(new JsonObject());
    }
    JsonObject json = ErrorResponses.jsonObjectOrNull(body);
    return json != null ? Future.succeededFuture(json)
      : Future.failedFuture(ErrorResponses.unexpected(endpoint, 200, "the answer is not a JSON object"));
  }

  /**
   * A throttled result may come from another verticle's call; deliver it on the caller's own context so the caller's
   * callbacks never run on someone else's event loop.
   */
  private Future<CollectResult> onCallersContext(Future<CollectResult> shared) {
    Context caller = vertx.getOrCreateContext();
    Promise<CollectResult> local = Promise.promise();
    shared.onComplete(result -> caller.runOnContext(ignored -> local.handle(result)));
    return local.future();
  }
}
