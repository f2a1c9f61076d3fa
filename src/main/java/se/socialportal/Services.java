package se.socialportal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.simulator.BankIdSimulator;
import se.socialportal.bistand.ApplicationValidator;
import se.socialportal.bistand.BistandModule;
import se.socialportal.bistand.BistandSettings;
import se.socialportal.casework.Casework;
import se.socialportal.familjeratt.FamiljerattModule;
import se.socialportal.identity.Identity;
import se.socialportal.letters.Letters;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.Messages;
import se.socialportal.provrakning.ProvrakningRoutes;
import se.socialportal.demo.RegisterSimulator;
import se.socialportal.robot.CalculationOnRequest;
import se.socialportal.robot.RobotJobs;
import se.socialportal.robot.RobotMonitor;
import se.socialportal.robot.registers.RegisterAdapters;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.tenant.TenantResolver;

import java.time.Clock;
import java.util.Optional;

/**
 * Everything long-lived, built once per process and handed to every verticle and to the route modules (which every
 * HTTP verticle instance shares): the shared clients and each room's parts. Nothing here holds per-request state.
 * {@code bankIdSimulator} is present only in demo mode without BANKID_URL. {@code rules} is the rule book in force
 * now (it changes when robots/ is reloaded: take {@code rules().get()} once per piece of work). {@code robotMonitor}
 * knows the robot instances of this process (none when ROBOT_ENABLED is false).
 */
public record Services(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http, Identity identity,
                       TenantResolver tenants, BankIdClient bankId, Optional<BankIdSimulator> bankIdSimulator,
                       CurrentRuleBook rules, RuleBookReloads ruleBookReloads, Letters letters, BistandModule bistand,
                       FamiljerattModule familjeratt, Casework casework, ProvrakningRoutes provrakning,
                       RobotMonitor robotMonitor) {

  /** Builds each room's parts once; what reads files (the schemas) does so on a worker, before anything serves. */
  static Future<Services> create(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http,
                                 Identity identity, TenantResolver tenants, BankIdClient bankId,
                                 Optional<BankIdSimulator> bankIdSimulator, CurrentRuleBook rules,
                                 RuleBookReloads ruleBookReloads) {
    Letters letters = Letters.create(vertx, config, pool, clock);
    return vertx.executeBlocking(Messages::load, false)
      .compose(texts -> ApplicationValidator.load(vertx))
      .compose(validator -> ProvrakningRoutes.create(vertx, config, pool, clock, rules, http.clientAddress())
      .map(provrakning -> {
        BistandModule bistand = new BistandModule(vertx, pool, clock, BistandSettings.from(config),
          identity.sessions(), identity.bankIdOrders(), identity.bankIdBrowsers(), validator, RobotJobs::enqueue);
        Casework casework = Casework.create(config, pool, clock, rules, bistand, letters.expediering(),
          new CalculationOnRequest(pool, clock, rules, RegisterAdapters.from(config, () -> new RegisterSimulator(clock))));
        FamiljerattModule familjeratt = new FamiljerattModule(vertx, config, clock, pool, identity, rules, http);
        return new Services(vertx, config, clock, pool, http, identity, tenants, bankId, bankIdSimulator, rules,
          ruleBookReloads, letters, bistand, familjeratt, casework, provrakning, new RobotMonitor());
      }));
  }
}
