package se.socialportal.bankid.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

import java.util.List;
import java.util.Optional;

/**
 * A BankID you can run: the shared state behind the simulated RP API ({@link BankIdSimulatorVerticle}, mutual TLS on
 * its own port) and the phone page + test-control API ({@link #mount(Router)}, mounted by the app under
 * {@value SimulatorRoutes#BASE_PATH} in demo mode only). One instance per process; thread-safe.
 *
 * <p>The user-side operations (open, progress, fail, complete) are what the phone page and the control API do; the
 * simulator never completes an order by itself.
 */
public final class BankIdSimulator {

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final SimulatorCredentials credentials;
  private final OrderStore orders;
  private final RpApi rpApi;
  private final Completions completions;
  private final PhonePageFiles phonePage;

  private BankIdSimulator(Vertx vertx, SimulatorOptions options, SimulatorCredentials credentials,
                          PhonePageFiles phonePage) {
    this.vertx = vertx;
    this.options = options;
    this.credentials = credentials;
    this.orders = new OrderStore(options);
    this.rpApi = new RpApi(orders, credentials);
    this.completions = new Completions(credentials);
    this.phonePage = phonePage;
  }

  /** Loads the bundled key material and the phone page on a worker thread. */
  public static Future<BankIdSimulator> create(Vertx vertx, SimulatorOptions options) {
    return SimulatorCredentials.bundled(vertx).compose(credentials ->
      PhonePageFiles.load(vertx).map(files -> new BankIdSimulator(vertx, options, credentials, files)));
  }

  /** The phone page and the test-control API under {@value SimulatorRoutes#BASE_PATH}. */
  public void mount(Router router) {
    new SimulatorRoutes(this, phonePage).mount(router);
  }

  public List<TestIdentity> identities() {
    return options.identities();
  }

  public Optional<TestIdentity> identity(String id) {
    return options.identities().stream().filter(identity -> identity.id().equals(id)).findFirst();
  }

  /** RP API requests that reached the simulator (after the TLS handshake) for an endpoint such as "/collect". */
  public int rpRequestCount(String endpoint) {
    return rpApi.requestCount(endpoint);
  }

  /** Orders the simulator currently remembers. */
  public int orderCount() {
    return orders.size();
  }

  public Optional<Order> order(String orderRef) {
    return orders.find(orderRef);
  }

  public Order openByQr(String qrData) {
    return orders.openByQr(qrData);
  }

  public Order openByAutoStartToken(String autoStartToken) {
    return orders.openByAutoStartToken(autoStartToken);
  }

  public Order openPhoneOrder(String identityId) {
    return orders.openPhoneOrder(knownIdentity(identityId));
  }

  public Order progress(String orderRef, String hintCode) {
    return orders.progress(orderRef, hintCode);
  }

  public Order fail(String orderRef, String hintCode) {
    return orders.fail(orderRef, hintCode);
  }

  /**
   * The identity approves the order in the app. The signature is made on a worker; if the order stopped being
   * pending meanwhile (cancelled, expired), completing fails.
   *
   * @param deviceAddress the address the approval came from (used as device.ipAddress of phone orders)
   */
  public Future<Order> complete(String orderRef, String identityId, String deviceAddress) {
    TestIdentity identity;
    Order order;
    try {
      identity = knownIdentity(identityId);
      order = orders.completable(orderRef, identity);
    } catch (SimulatorException refusal) {
      return Future.failedFuture(refusal);
    }
    return vertx.executeBlocking(() -> completions.create(order, identity, deviceAddress,
        options.clock().instant()), false)
      .map(completion -> orders.complete(orderRef, completion));
  }

  SimulatorCredentials credentials() {
    return credentials;
  }

  RpApi rpApi() {
    return rpApi;
  }

  private TestIdentity knownIdentity(String identityId) {
    return identity(identityId).orElseThrow(() ->
      new SimulatorException(404, "unknownIdentity", "Testpersonen finns inte."));
  }
}
