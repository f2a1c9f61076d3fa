package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import se.socialportal.admin.live.LiveSettings;
import se.socialportal.bistand.BistandSettings;
import se.socialportal.payment.PaymentSettings;
import se.socialportal.familjeratt.FamiljerattSettings;
import se.socialportal.identity.BankIdSetup;
import se.socialportal.identity.Identity;
import se.socialportal.letters.Letters;
import se.socialportal.letters.print.PostalAddressSources;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.robot.RobotSettings;
import se.socialportal.robot.registers.RegisterAdapters;
import se.socialportal.tenant.TenantResolver;

import java.time.Clock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every room's configuration checked before anything starts, and every problem named at once: an operator fixes the
 * whole list in one go instead of meeting one missing setting per restart. Each check reads through a collecting view
 * of the configuration, so a check goes on past a problem; a check that stops at one still leaves the others running.
 */
final class ConfigurationCheck {

  private static final int DATABASE_REACH_MILLIS = 5_000;
  private static final List<String> DATABASE_KEYS = List.of(Setting.DATABASE_URL.name(), Setting.PGHOST.name(),
    Setting.PGPORT.name(), Setting.PGDATABASE.name(), Setting.PGUSER.name(), Setting.PGPASSWORD.name(),
    Setting.PGSSLMODE.name());

  private ConfigurationCheck() {
  }

  /**
   * {@link #run}, and in production also whether the database answers at its address: an unreachable database is one
   * more line in the same list (naming the host and port it tried), not a stack trace after everything else started.
   */
  static Future<Void> runReachingDatabase(Vertx vertx, AppConfig config, PrometheusMeterRegistry meterRegistry,
                                          Clock clock) {
    List<ConfigException> problems = new ArrayList<>();
    try {
      run(config, meterRegistry, clock);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    boolean databaseProblem = problems.stream().anyMatch(problem -> DATABASE_KEYS.contains(problem.key()));
    if (config.isDemo() || databaseProblem || !config.databaseConfigured()) {
      return problems.isEmpty() ? Future.succeededFuture() : Future.failedFuture(ConfigException.of(problems));
    }
    DatabaseSettings database = DatabaseSettings.from(config);
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(DATABASE_REACH_MILLIS));
    return client.connect(database.port(), database.host())
      .compose(socket -> socket.close())
      .transform(reached -> {
        client.close();
        if (reached.failed()) {
          String key = config.string(Setting.DATABASE_URL).isEmpty() ? Setting.PGHOST.name() : Setting.DATABASE_URL.name();
          problems.add(new ConfigException(key, "no PostgreSQL answers at " + database.host() + ":" + database.port()
            + " (" + reached.cause().getMessage() + ")"));
        }
        return problems.isEmpty() ? Future.succeededFuture() : Future.failedFuture(ConfigException.of(problems));
      });
  }

  /** Throws a {@link ConfigException} listing every problem found; returns quietly when there is none. */
  static void run(AppConfig config, PrometheusMeterRegistry meterRegistry, Clock clock) {
    List<ConfigException> problems = new ArrayList<>();
    AppConfig collecting = config.collecting(problems::add);
    List<Runnable> checks = List.of(
      () -> HttpSettings.from(collecting, meterRegistry),
      () -> Identity.validate(collecting),
      () -> BankIdSetup.validate(collecting),
      () -> {
        if (collecting.databaseConfigured() || !collecting.isDemo()) {
          DatabaseSettings.from(collecting);
        }
      },
      () -> collecting.integer(Setting.DB_POOL_SIZE, 1, 200),
      () -> collecting.bool(Setting.DEMO_DATA),
      () -> TenantResolver.from(collecting),
      () -> RobotSettings.from(collecting),
      () -> collecting.integer(Setting.ROBOT_INSTANCES, 1, 64),
      // Only the choice is checked here: no adapter is made (the simulator is demo code, started later if chosen).
      () -> RegisterAdapters.from(collecting, () -> null),
      () -> BistandSettings.from(collecting),
      () -> FamiljerattSettings.from(collecting),
      () -> collecting.integer(Setting.CASEWORK_DUE_DAYS, 1, 60),
      () -> collecting.integer(Setting.LETTER_RETRY_SECONDS, 5, 86400),
      () -> Letters.printTime(collecting),
      // Only the choice: the address simulator is demo code, made later if chosen.
      () -> PostalAddressSources.from(collecting, () -> null),
      () -> PaymentSettings.from(collecting),
      () -> collecting.integer(Setting.LOGIN_RATE_PER_MINUTE, 1, 10_000),
      () -> collecting.integer(Setting.PROVRAKNING_RATE_PER_MINUTE, 1, 100_000),
      () -> collecting.integer(Setting.ROBOTS_RELOAD_SECONDS, 0, 86_400),
      () -> LiveSettings.from(collecting),
      () -> productionOnly(collecting));
    for (Runnable check : checks) {
      try {
        check.run();
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    // The same setting read by two rooms is one problem.
    Map<String, ConfigException> distinct = new LinkedHashMap<>();
    problems.forEach(problem -> distinct.putIfAbsent(problem.getMessage(), problem));
    if (!distinct.isEmpty()) {
      throw ConfigException.of(List.copyOf(distinct.values()));
    }
  }

  /**
   * What production must not run with: the demo's stand-ins' settings (they would be silently ignored, so the operator
   * believes something that is not so), and plain HTTP with nobody in front to add TLS (session cookies and personal
   * data in clear text).
   */
  private static void productionOnly(AppConfig config) {
    if (config.isDemo()) {
      return;
    }
    for (Setting demoOnly : List.of(Setting.BANKID_SIMULATOR_PORT, Setting.OIDC_DEMO_PORT)) {
      if (!config.string(demoOnly).isEmpty() && !"0".equals(config.string(demoOnly))) {
        config.refuse(demoOnly, "is a demo mode setting (the built-in stand-in it configures never runs in "
          + "production): remove it");
      }
    }
    if (config.string(Setting.TLS_CERT).isEmpty() && config.string(Setting.TRUSTED_PROXIES).isEmpty()) {
      config.refuse(Setting.TRUSTED_PROXIES, "production would serve plain HTTP: set TLS_CERT and TLS_KEY, or set "
        + "TRUSTED_PROXIES to the address of the TLS-terminating proxy in front");
    }
  }
}
