package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonObject;
import se.socialportal.bankid.AnimatedQr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The simulator's orders and BankID's state machine: outstandingTransaction → (opened) userSign → complete, or
 * failed with userCancel, cancelled, startFailed, expiredTransaction, certificateErr, ... Time-driven transitions
 * happen lazily on every access against the injected clock, so tests move time instead of waiting.
 *
 * <p>Thread-safe: the RP API runs on the simulator verticle's event loop and the phone page on the HTTP verticles'
 * loops; every method holds the store's lock for a few map operations only.
 */
final class OrderStore {

  private static final Pattern QR_TIME = Pattern.compile("\\d{1,7}");
  private static final Pattern QR_AUTH_CODE = Pattern.compile("[0-9a-f]{64}");

  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final SimulatorOptions options;

  OrderStore(SimulatorOptions options) {
    this.options = options;
  }

  /**
   * A new order, or alreadyInProgress when one is pending for the same person: BankID then cancels the pending one
   * too, so neither can be completed.
   */
  synchronized Order start(OrderRequest request) {
    Instant now = refreshAll();
    if (request.personalNumber() != null) {
      Optional<Order> pending = first(order -> order.isPending()
        && request.personalNumber().equals(order.request().personalNumber()));
      if (pending.isPresent()) {
        put(pending.get().failed("cancelled", now));
        throw new SimulatorException(400, "alreadyInProgress", "Order already in progress for this personal number");
      }
    }
    String orderRef = UUID.randomUUID().toString();
    Order order = request.type().phone()
      ? Order.started(orderRef, request, null, null, null, now)
      : Order.started(orderRef, request, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        UUID.randomUUID().toString(), now);
    put(order);
    return order;
  }

  /** The RP's view of an order; unknown (or forgotten) orders are invalidParameters, as at BankID. */
  synchronized Order collect(String orderRef) {
    refreshAll();
    Order order = orders.get(orderRef);
    if (order == null) {
      throw SimulatorException.invalidParameters("No such order");
    }
    return order;
  }

  /** The RP cancels: a pending order fails with cancelled; a finished one stays as it is. */
  synchronized Order cancel(String orderRef) {
    Instant now = refreshAll();
    Order order = collect(orderRef);
    return order.isPending() ? put(order.failed("cancelled", now)) : order;
  }

  synchronized Optional<Order> find(String orderRef) {
    refreshAll();
    return Optional.ofNullable(orders.get(orderRef));
  }

  /**
   * The app scans a QR code: the frame must carry a correct HMAC for its qrTime, and qrTime must be recent (a
   * photo of an old frame is rejected like the real app does).
   */
  synchronized Order openByQr(String qrData) {
    Instant now = refreshAll();
    String[] parts = qrData == null ? new String[0] : qrData.trim().split("\\.", -1);
    if (parts.length != 4 || !"bankid".equals(parts[0]) || !QR_TIME.matcher(parts[2]).matches()
        || !QR_AUTH_CODE.matcher(parts[3]).matches()) {
      throw qrInvalid();
    }
    Order order = first(candidate -> parts[1].equals(candidate.qrStartToken())).orElseThrow(OrderStore::qrInvalid);
    long qrTime = Long.parseLong(parts[2]);
    byte[] expected = AnimatedQr.authCode(order.qrStartSecret(), qrTime).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
      throw qrInvalid();
    }
    long elapsed = Duration.between(order.createdAt(), now).getSeconds();
    if (qrTime > elapsed + 1) {
      throw qrInvalid();
    }
    if (elapsed - qrTime > options.qrMaxAge().getSeconds()) {
      throw new SimulatorException(400, "qrExpired",
        "QR-koden är för gammal. Kopiera den aktuella koden från inloggningssidan och försök igen.");
    }
    return open(order, now);
  }

  /** The app is started with the order's autostart token (same device). */
  synchronized Order openByAutoStartToken(String token) {
    Instant now = refreshAll();
    Order order = first(candidate -> token != null && token.trim().equals(candidate.autoStartToken()))
      .orElseThrow(() -> new SimulatorException(404, "notFound", "Det finns ingen beställning med den startkoden."));
    return open(order, now);
  }

  /** The person's app shows a phone order pushed to it. */
  synchronized Order openPhoneOrder(TestIdentity identity) {
    Instant now = refreshAll();
    Order order = first(candidate -> candidate.isPending() && candidate.request().type().phone()
      && identity.personalNumber().equals(candidate.request().personalNumber()))
      .orElseThrow(() -> new SimulatorException(404, "notFound",
        "Det finns ingen väntande telefonbeställning för " + identity.name() + "."));
    return open(order, now);
  }

  /** A pending hint code (userSign, started, userMrtd, ... or one BankID has not invented yet). */
  synchronized Order progress(String orderRef, String hintCode) {
    refreshAll();
    return put(pending(orderRef).progressed(hintCode));
  }

  /** A failed hint code: the user cancels in the app (userCancel), certificateErr, startFailed, ... */
  synchronized Order fail(String orderRef, String hintCode) {
    Instant now = refreshAll();
    return put(pending(orderRef).failed(hintCode, now));
  }

  /** Checks that the identity may complete the order now; the signing itself happens outside the lock. */
  synchronized Order completable(String orderRef, TestIdentity identity) {
    refreshAll();
    Order order = pending(orderRef);
    String required = order.request().personalNumber();
    if (required != null && !required.equals(identity.personalNumber())) {
      throw new SimulatorException(409, "identityMismatch",
        "Beställningen gäller en annan person än " + identity.name() + ".");
    }
    return order;
  }

  /** Completes the order unless it stopped being pending while the signature was made. */
  synchronized Order complete(String orderRef, JsonObject completionData) {
    Instant now = refreshAll();
    return put(pending(orderRef).completed(completionData, now));
  }

  synchronized int size() {
    refreshAll();
    return orders.size();
  }

  private Order open(Order order, Instant now) {
    if (!order.isPending()) {
      throw notPending();
    }
    return put(order.opened(now));
  }

  private Order pending(String orderRef) {
    Order order = orders.get(orderRef);
    if (order == null) {
      throw new SimulatorException(404, "notFound", "Beställningen finns inte (längre).");
    }
    if (!order.isPending()) {
      throw notPending();
    }
    return order;
  }

  private Order put(Order order) {
    orders.put(order.orderRef(), order);
    return order;
  }

  private Optional<Order> first(Predicate<Order> condition) {
    return orders.values().stream().filter(condition).findFirst();
  }

  /** Applies the time-driven transitions and forgets orders that finished long enough ago. */
  private Instant refreshAll() {
    Instant now = options.clock().instant();
    orders.replaceAll((orderRef, order) -> timedOut(order, now));
    orders.values().removeIf(order -> order.finishedAt() != null
      && !now.isBefore(order.finishedAt().plus(options.finishedOrderRetention())));
    return now;
  }

  private Order timedOut(Order order, Instant now) {
    if (!order.isPending()) {
      return order;
    }
    Instant startDeadline = order.createdAt().plus(options.startLimit());
    if (!order.request().type().phone() && order.openedAt() == null && !now.isBefore(startDeadline)) {
      return order.failed("startFailed", startDeadline);
    }
    Instant expiry = order.createdAt().plus(options.orderLifetime());
    return now.isBefore(expiry) ? order : order.failed("expiredTransaction", expiry);
  }

  private static SimulatorException qrInvalid() {
    return new SimulatorException(400, "qrInvalid", "QR-koden är ogiltig. Kontrollera att du kopierat hela koden.");
  }

  private static SimulatorException notPending() {
    return new SimulatorException(409, "notPending", "Beställningen är redan avslutad.");
  }
}
