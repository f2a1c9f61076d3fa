package se.socialportal.bankid.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;

/**
 * Serves the simulated RP API v6.0 over HTTPS and requires a client certificate that chains to the simulator CA
 * (and only that CA), so the real {@link se.socialportal.bankid.BankIdClient} talks to it exactly as to BankID.
 * Browsers cannot use this port; the phone page lives on the app's own port (see {@link BankIdSimulator#mount}).
 */
public final class BankIdSimulatorVerticle extends VerticleBase {

  private final BankIdSimulator simulator;
  private final String host;
  private final int port;
  private volatile int actualPort;

  /** @param port 0 for any free port (see {@link #port()} after deployment) */
  public BankIdSimulatorVerticle(BankIdSimulator simulator, String host, int port) {
    this.simulator = simulator;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
      .setHost(host)
      .setPort(port)
      .setSsl(true)
      .setClientAuth(ClientAuth.REQUIRED)
      .setKeyCertOptions(simulator.credentials().serverKeyCertOptions())
      .setTrustOptions(simulator.credentials().clientTrustOptions())
      .setIdleTimeout(60);
    return vertx.createHttpServer(options)
      .requestHandler(simulator.rpApi()::handle)
      .listen()
      .onSuccess(server -> actualPort = server.actualPort());
  }

  /** The port it listens on, once deployed. */
  public int port() {
    return actualPort;
  }

  /** The base URL a client uses, e.g. {@code https://127.0.0.1:41234/rp/v6.0}. */
  public String baseUrl() {
    String printable = host.contains(":") ? "[" + host + "]" : host;
    return "https://" + printable + ":" + actualPort + RpApi.PREFIX;
  }
}
