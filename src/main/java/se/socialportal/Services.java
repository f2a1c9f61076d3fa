package se.socialportal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.admin.live.LiveDashboard;
import se.socialportal.admin.live.LiveSettings;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bistand.ApplicationValidator;
import se.socialportal.bistand.BistandModule;
import se.socialportal.bistand.BistandSettings;
import se.socialportal.casework.Casework;
import se.socialportal.familjeratt.FamiljerattModule;
import se.socialportal.identity.Identity;
import se.socialportal.letters.Letters;
import se.socialportal.overklagande.FileOutboxCourt;
import se.socialportal.overklagande.Overklagande;
import se.socialportal.payment.Payments;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.Messages;
import se.socialportal.provrakning.ProvrakningRoutes;
import se.socialportal.robot.CalculationOnRequest;
import se.socialportal.robot.RobotJobs;
import se.socialportal.robot.RobotMonitor;
import se.socialportal.robot.registers.RegisterAdapters;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.tenant.TenantResolver;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything long-lived, built once per process and handed to every verticle and to the route modules (which every
 * HTTP verticle instance shares): the shared clients and each room's parts. Nothing here holds per-request state.
 * {@code demo} is present only in demo mode (its stand-ins and their routes, e.g. the BankID simulator's phone page). {@code rules} is the rule book in force
 * now (it changes when robots/ is reloaded: take {@code rules().get()} once per piece of work). {@code robotMonitor}
 * knows the robot instances of this process (none when ROBOT_ENABLED is false). {@code payments} is the payment
 * room's parts (its ISO schemas compiled on a worker). {@code live} is the admin dashboard's hub (its streams, the
 * push, its series on /metrics).
 */
public record Services(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http, Identity identity,
                       TenantResolver tenants, BankIdClient bankId, Optional<DemoMode> demo,
                       CurrentRuleBook rules, RuleBookReloads ruleBookReloads, Letters letters, BistandModule bistand,
                       FamiljerattModule familjeratt, Casework casework, ProvrakningRoutes provrakning,
                       RobotMonitor robotMonitor, Payments payments, Overklagande overklagande,
                       LiveDashboard live) {

  /** Builds each room's parts once; what reads files (the schemas) does so on a worker, before anything serves. */
  static Future<Services> create(Vertx vertx, AppConfig config, Clock clock, Pool pool, HttpSettings http,
                                 Identity identity, TenantResolver tenants, BankIdClient bankId,
                                 Optional<DemoMode> demo, CurrentRuleBook rules,
                                 RuleBookReloads ruleBookReloads) {
    Letters letters = Letters.create(vertx, config, pool, clock, () -> demo.orElseThrow().addressSimulator());
    return vertx.executeBlocking(Messages::load, false)
      .compose(texts -> ApplicationValidator.load(vertx))
      .compose(validator -> ProvrakningRoutes.create(vertx, config, pool, clock, rules, http.clientAddress())
      .compose(provrakning -> Payments.create(vertx, config, pool, clock, rules, identity)
      .map(payments -> {
        BistandModule bistand = new BistandModule(vertx, pool, clock, BistandSettings.from(config),
          identity.sessions(), identity.bankIdOrders(), identity.bankIdBrowsers(), validator, RobotJobs::enqueue,
          rules);
        Casework casework = Casework.create(config, pool, clock, rules, bistand, letters.expediering(),
          new CalculationOnRequest(pool, clock, rules,
            RegisterAdapters.from(config, () -> demo.orElseThrow().registerSimulator(clock))));
        FamiljerattModule familjeratt = new FamiljerattModule(vertx, config, clock, pool, identity, rules, http);
        // The court is the file outbox simulator until a municipality's integration implements CourtForwarding.
        Path courtOutbox = config.optional(Setting.APPEAL_COURT_OUTBOX_DIR).map(Path::of)
          .orElse(Path.of(config.string(Setting.DATA_DIR), "court-outbox")).toAbsolutePath().normalize();
        Overklagande overklagande = new Overklagande(vertx, pool, clock, identity, rules, bistand.store(),
          casework.omprovning(), new FileOutboxCourt(vertx, courtOutbox));
        return new Services(vertx, config, clock, pool, http, identity, tenants, bankId, demo, rules,
          ruleBookReloads, letters, bistand, familjeratt, casework, provrakning, new RobotMonitor(), payments,
          overklagande, new LiveDashboard(vertx, pool, clock, LiveSettings.from(config), http.meterRegistry()));
      })));
  }
}
