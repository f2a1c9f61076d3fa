package se.socialportal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.letters.print.PostalAddressSource;
import se.socialportal.robot.registers.RegisterAdapter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one seam between the composition root and demo code: the stand-ins demo mode starts in place of the outside
 * services (the embedded PostgreSQL, the BankID simulator, the local OpenID Connect provider, the register simulator)
 * and its demo data. The root names no demo class; it finds the implementation with {@link ServiceLoader}
 * ({@code META-INF/services/se.socialportal.DemoMode}, shipped with the demo code), so the production artifact, which
 * leaves the demo code and its libraries out, still starts, and refuses demo mode with one line instead of a
 * {@code NoClassDefFoundError}. One instance per server: it holds what it started, and {@link #stop} ends it.
 */
public interface DemoMode {

  /**
   * The demo code, or a configuration problem naming MODE when this build has none (the production artifact).
   */
  static DemoMode find() {
    return ServiceLoader.load(DemoMode.class, DemoMode.class.getClassLoader()).findFirst()
      .orElseThrow(() -> new ConfigException(Setting.MODE.name(), "demo mode is not part of this build (the "
        + "production artifact has no embedded database, BankID simulator or demo identity provider): set MODE="
        + "production with DATABASE_URL and the other production settings, or run the demo jar socialportal.jar"));
  }

  /** The built-in BankID simulator on BANKID_SIMULATOR_PORT and a client pointed at it with its test certificate. */
  Future<BankIdClient> startBankId(Vertx vertx, AppConfig config, Clock clock);

  /** Where the login page sends a resident to play the phone, when the simulator runs. */
  Optional<String> bankIdPhonePage();

  /** The simulator's phone page and test-control API, when it runs. */
  RoutesModule routes();

  /** The embedded PostgreSQL, its data in DATA_DIR/postgres ({@code fresh}: start from an empty directory). */
  Future<DatabaseSettings> startDatabase(Vertx vertx, AppConfig config, boolean fresh);

  /** A local OpenID Connect provider on {@code port} whose login page lists the demo staff; its issuer. */
  Future<URI> startStaffIssuer(Vertx vertx, int port, Path workDirectory);

  /** The register simulator (it knows the test identities). */
  RegisterAdapter registerSimulator(Clock clock);

  /** The folkbokföring address simulator for the print batch (it knows the test identities). */
  PostalAddressSource addressSimulator();

  /** The demo residents, their cases and familjerätt's calendar, written through the owners' code. */
  Future<Void> seed(Services services);

  /** Stops what {@link #startStaffIssuer} and {@link #startDatabase} started (the database last). */
  Future<Void> stop(Vertx vertx);
}
