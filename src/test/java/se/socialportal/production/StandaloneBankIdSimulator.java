package se.socialportal.production;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.Router;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.bankid.simulator.BankIdSimulatorVerticle;
import se.socialportal.bankid.simulator.SimulatorOptions;
import se.socialportal.bankid.simulator.TestIdentities;
import se.socialportal.testing.TestClock;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The BankID simulator as a process of its own, as BankID is to a production server: the RP API v6.0 over mutual TLS
 * on one port (127.0.0.1, its own server certificate), and the phone page a tester uses on another (plain HTTP). It
 * writes the RP certificate and its CA to a folder for the server's BANKID_RP_CERT and BANKID_CA, then prints
 * {@code ready <rp url>}. Its clock starts at {@link TestClock#START}, like the server's.
 *
 * <p>Usage: {@code StandaloneBankIdSimulator <rp port> <phone port> <certificate folder>}
 */
public final class StandaloneBankIdSimulator {

  private StandaloneBankIdSimulator() {
  }

  public static void main(String[] args) throws Exception {
    int rpPort = Integer.parseInt(args[0]);
    int phonePort = Integer.parseInt(args[1]);
    Path certificates = Path.of(args[2]);
    Files.createDirectories(certificates);
    for (String name : new String[] {"rp.p12", "ca.pem"}) {
      try (InputStream in = StandaloneBankIdSimulator.class.getResourceAsStream("/bankid/simulator/" + name)) {
        Files.copy(in, certificates.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Vertx vertx = Vertx.vertx();
    // A loaded machine may take a while between the order and the phone page: the start limit is the order's life.
    SimulatorOptions options = new SimulatorOptions(TestClock.ticking(TestClock.START), Duration.ofMinutes(5),
      Duration.ofMinutes(5), SimulatorOptions.DEFAULT_QR_MAX_AGE, SimulatorOptions.DEFAULT_FINISHED_ORDER_RETENTION,
      TestIdentities.demo());
    BankIdSimulator simulator = BankIdSimulator.create(vertx, options).await(60, TimeUnit.SECONDS);
    BankIdSimulatorVerticle rp = new BankIdSimulatorVerticle(simulator, "127.0.0.1", rpPort);
    vertx.deployVerticle(rp).await(60, TimeUnit.SECONDS);
    Router phone = Router.router(vertx);
    simulator.mount(phone);
    vertx.createHttpServer().requestHandler(phone).listen(phonePort, "127.0.0.1").await(60, TimeUnit.SECONDS);
    warmUp(vertx, rp.baseUrl(), certificates);
    System.out.println("ready " + rp.baseUrl());
    System.out.flush();
  }

  /**
   * A few mutual-TLS calls as the RP would make them, so the server's first real handshake does not meet a cold JVM
   * (on a busy machine that first one can take longer than a BankID client's handshake timeout).
   */
  private static void warmUp(Vertx vertx, String baseUrl, Path certificates) throws Exception {
    WebClient client = WebClient.create(vertx, new WebClientOptions().setSsl(true).setKeepAlive(false)
      .setSslHandshakeTimeout(5).setSslHandshakeTimeoutUnit(TimeUnit.MINUTES)
      .setKeyCertOptions(new PfxOptions().setValue(Buffer.buffer(Files.readAllBytes(certificates.resolve("rp.p12"))))
        .setPassword("qwerty123"))
      .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(Files.readAllBytes(certificates.resolve("ca.pem"))))));
    for (int call = 0; call < 5; call++) {
      client.postAbs(baseUrl + "/auth").putHeader("Content-Type", "application/json")
        .sendJsonObject(new JsonObject().put("endUserIp", "127.0.0.1")).await(5, TimeUnit.MINUTES);
    }
    client.close();
  }

}
