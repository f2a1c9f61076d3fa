package se.socialportal.bankid;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.bankid.simulator.BankIdSimulatorVerticle;
import se.socialportal.bankid.simulator.SimulatorCredentials;
import se.socialportal.bankid.simulator.SimulatorOptions;
import se.socialportal.testing.TestClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import static se.socialportal.testing.Futures.await;

/**
 * A running simulator for one test class: the RP API over mutual TLS on a free port, the phone page and control API
 * on a plain HTTP port, a real {@link BankIdClient} with the bundled RP certificate, and a clock the test moves.
 */
public final class SimulatorFixture implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final TestClock clock = TestClock.stopped(TestClock.START);
  public final BankIdSimulator simulator;
  public final BankIdSimulatorVerticle verticle;
  public final BankIdClient client;
  public final WebClient control;
  private final HttpServer controlServer;

  public SimulatorFixture() {
    simulator = await(BankIdSimulator.create(vertx, SimulatorOptions.defaults(clock)));
    verticle = new BankIdSimulatorVerticle(simulator, "127.0.0.1", 0);
    await(vertx.deployVerticle(verticle));
    BankIdCredentials credentials = await(SimulatorCredentials.rpClientCredentials(vertx));
    client = BankIdClient.create(vertx, BankIdClientOptions.builder(URI.create(verticle.baseUrl()), credentials, clock)
      .build());
    Router router = Router.router(vertx);
    simulator.mount(router);
    controlServer = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    control = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
      .setDefaultPort(controlServer.actualPort()).setFollowRedirects(false));
  }

  /** POST to the control API ({@code /bankid-simulator/api/...}). */
  public HttpResponse<Buffer> controlPost(String path, JsonObject body) {
    return await(control.post("/bankid-simulator/api/" + path).sendJsonObject(body));
  }

  public HttpResponse<Buffer> controlGet(String path) {
    return await(control.get("/bankid-simulator/api/" + path).send());
  }

  /** A WebClient that presents the given PKCS#12 and trusts the simulator CA: for raw, malformed requests. */
  public WebClient rawClient(String pkcs12Resource) {
    return WebClient.create(vertx, new WebClientOptions().setSsl(true).setVerifyHost(true)
      .setKeyCertOptions(new PfxOptions().setValue(resource(pkcs12Resource)).setPassword("qwerty123"))
      .setTrustOptions(new PemTrustOptions().addCertValue(resource(SimulatorCredentials.CA_PEM))));
  }

  public String rpUrl(String endpoint) {
    return verticle.baseUrl() + endpoint;
  }

  public static Buffer resource(String name) {
    try (InputStream in = SimulatorFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
