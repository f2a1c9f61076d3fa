package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import se.socialportal.bistand.BistandSettings;
import se.socialportal.familjeratt.FamiljerattSettings;
import se.socialportal.identity.BankIdSetup;
import se.socialportal.identity.Identity;
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

  private ConfigurationCheck() {
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
      () -> collecting.integer(Setting.LOGIN_RATE_PER_MINUTE, 1, 10_000),
      () -> collecting.integer(Setting.PROVRAKNING_RATE_PER_MINUTE, 1, 100_000),
      () -> collecting.integer(Setting.ROBOTS_RELOAD_SECONDS, 0, 86_400));
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
}
