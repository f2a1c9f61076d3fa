package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.bankid.simulator.BankIdSimulatorVerticle;
import se.socialportal.bankid.simulator.SimulatorCredentials;
import se.socialportal.bankid.simulator.SimulatorOptions;
import se.socialportal.identity.BankIdSetup;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.net.URI;
import java.time.Clock;

/**
 * Demo mode without BANKID_URL: the built-in BankID simulator, deployed on 127.0.0.1 (BANKID_SIMULATOR_PORT), and a
 * client pointed at it with the bundled test certificates. The simulator's phone page is mounted by the app.
 */
public final class DemoBankId {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBankId.class);
  private static final String HOST = "127.0.0.1";

  /** The client, and the simulator it talks to. */
  public record Started(BankIdClient client, BankIdSimulator simulator) {
  }

  private DemoBankId() {
  }

  /** @param clock the app's clock: the client's collect throttle and QR times, the simulator's order lifetimes */
  public static Future<Started> start(Vertx vertx, AppConfig config, Clock clock) {
    int port = config.port(Setting.BANKID_SIMULATOR_PORT);
    return BankIdSimulator.create(vertx, SimulatorOptions.defaults(clock)).compose(simulator -> {
      BankIdSimulatorVerticle verticle = new BankIdSimulatorVerticle(simulator, HOST, port);
      return vertx.deployVerticle(verticle)
        .compose(deployed -> SimulatorCredentials.rpClientCredentials(vertx))
        .map(credentials -> {
          BankIdClient client = BankIdSetup.client(vertx, config, URI.create(verticle.baseUrl()), credentials, clock);
          LOG.info("BankID: the built-in simulator (demo mode, test certificates) at {}; phone page at "
            + "/bankid-simulator/", verticle.baseUrl());
          return new Started(client, simulator);
        });
    });
  }
}
