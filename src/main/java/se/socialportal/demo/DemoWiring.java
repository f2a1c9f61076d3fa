package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.DemoMode;
import se.socialportal.Services;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.letters.print.PostalAddressSource;
import se.socialportal.robot.registers.RegisterAdapter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Demo mode's stand-ins and data, found by the composition root through {@code META-INF/services/se.socialportal.DemoMode}
 * (this class, the rest of {@code demo} and the BankID simulator are left out of the production artifact).
 */
public final class DemoWiring implements DemoMode {

  private static final Logger LOG = LoggerFactory.getLogger(DemoWiring.class);

  private volatile Optional<BankIdSimulator> bankIdSimulator = Optional.empty();
  private volatile Optional<EmbeddedDatabase> embeddedDatabase = Optional.empty();
  private volatile Optional<DemoIdentityProvider> identityProvider = Optional.empty();

  /** ServiceLoader's constructor: one instance per server. */
  public DemoWiring() {
  }

  /** The running simulator (tests drive it as a phone would). */
  public Optional<BankIdSimulator> bankIdSimulator() {
    return bankIdSimulator;
  }

  @Override
  public Future<BankIdClient> startBankId(Vertx vertx, AppConfig config, Clock clock) {
    return DemoBankId.start(vertx, config, clock).map(started -> {
      bankIdSimulator = Optional.of(started.simulator());
      return started.client();
    });
  }

  @Override
  public Optional<String> bankIdPhonePage() {
    return bankIdSimulator.map(simulator -> "/bankid-simulator/");
  }

  @Override
  public RoutesModule routes() {
    Optional<BankIdSimulator> simulator = bankIdSimulator;
    return router -> simulator.ifPresent(running -> running.mount(router));
  }

  @Override
  public Future<DatabaseSettings> startDatabase(Vertx vertx, AppConfig config, boolean fresh) {
    return DemoDatabase.start(vertx, config, fresh).map(embedded -> {
      embeddedDatabase = Optional.of(embedded);
      return embedded.settings();
    });
  }

  @Override
  public Future<URI> startStaffIssuer(Vertx vertx, int port, Path workDirectory) {
    return vertx.executeBlocking(() -> DemoIdentityProvider.start(port, workDirectory, DemoStaff.MEMBERS), false)
      .map(provider -> {
        identityProvider = Optional.of(provider);
        LOG.info("Demo staff log in through the local OpenID Connect provider at {}", provider.issuer());
        return provider.issuer();
      });
  }

  @Override
  public RegisterAdapter registerSimulator(Clock clock) {
    return new RegisterSimulator(clock);
  }

  @Override
  public PostalAddressSource addressSimulator() {
    return new AddressSimulator();
  }

  @Override
  public Future<Void> seed(Services services) {
    return DemoData.seed(services.pool(), services.clock())
      .compose(v -> DemoHousehold.seed(services.pool(), services.clock(), services.bistand().komplettering()))
      .compose(v -> DemoFamiljeratt.seed(services.pool(), services.clock()))
      .compose(v -> DemoPayments.seed(services.payments().limits()));
  }

  @Override
  public Future<Void> stop(Vertx vertx) {
    Future<Void> providerClosed = identityProvider.map(provider -> vertx.executeBlocking(() -> {
      provider.close();
      return (Void) null;
    }, false)).orElse(Future.succeededFuture());
    return providerClosed.eventually(() -> embeddedDatabase.map(embedded -> DemoDatabase.stop(vertx, embedded))
      .orElse(Future.succeededFuture()));
  }
}
