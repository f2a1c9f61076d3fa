package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.admin.nyckeltal.Nyckeltal;
import se.socialportal.admin.nyckeltal.SnapshotVerticle;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bistand.BistandVerticle;
import se.socialportal.familjeratt.FamiljerattVerticle;
import se.socialportal.identity.BankIdSetup;
import se.socialportal.identity.Identity;
import se.socialportal.identity.staff.OidcSettings;
import se.socialportal.payment.PaymentVerticle;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigLoader;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.db.Database;
import se.socialportal.platform.http.ApiContract;
import se.socialportal.platform.http.HttpServerVerticle;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.RouterAssembly;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.robot.Robot;
import se.socialportal.robot.RobotSettings;
import se.socialportal.robot.registers.RegisterAdapters;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.rules.RulesVerticle;
import se.socialportal.tenant.ResidentTenants;
import se.socialportal.tenant.TenantRepository;
import se.socialportal.tenant.TenantResolver;
import se.socialportal.tenant.TenantSync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the configuration, starts the database, builds the shared clients and deploys the verticles. Nothing else:
 * every capability lives in its own room.
 */
public final class MainVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final JsonObject overrides;
  private final boolean fresh;
  private final PrometheusMeterRegistry meterRegistry;
  private final Clock clock;
  private final List<Consumer<Services>> onStarted;
  private Database database;
  private RuleBookReloads ruleBookReloads;
  // Demo mode's stand-ins and data, found through the one seam (DemoMode) and only in demo mode: the rooms never see
  // them, and the production artifact, which leaves them out, never looks for them.
  private Optional<DemoMode> demo = Optional.empty();
  private volatile Services services;
  private final AtomicInteger httpPort = new AtomicInteger();

  /**
   * @param overrides configuration that beats the environment (tests point it at their own database and ports)
   * @param clock     the only source of "now" and "today" for the whole server (Main: the system clock in
   *                  Europe/Stockholm; tests: a clock anchored at a fixed instant)
   * @param onStarted called with the shared services once everything listens (tests use it to reach internals)
   */
  public MainVerticle(JsonObject overrides, boolean fresh, PrometheusMeterRegistry meterRegistry, Clock clock,
                      List<Consumer<Services>> onStarted) {
    this.overrides = overrides;
    this.fresh = fresh;
    this.meterRegistry = meterRegistry;
    this.clock = clock;
    this.onStarted = onStarted;
  }

  @Override
  public Future<?> start() {
    // The API contract is read and checked on workers while the rest starts; requests are validated against it.
    Future<ApiContract> contract = ApiContract.load(vertx);
    return ConfigLoader.load(vertx, overrides).compose(config -> ConfigurationCheck.runReachingDatabase(vertx, config,
      meterRegistry, clock).map(config)).compose(config -> {
      // Every setting of every room was checked before anything starts, every problem named at once.
      if (config.isDemo()) {
        demo = Optional.of(DemoMode.find());
      }
      HttpSettings http = HttpSettings.from(config, meterRegistry);
      TenantResolver tenants = TenantResolver.from(config);
      // Rules and BankID before the (slow) database: a malformed robots/ file or a wrong certificate stops startup
      // within a second.
      return CurrentRuleBook.load(vertx, config).compose(rules -> startBankId(config)
        .compose(bankId -> startDatabase(config).compose(started -> {
        database = started;
        ruleBookReloads = new RuleBookReloads(vertx, started.pool(), clock, rules);
        // A reloaded tenant file (a new municipality, a new nämnd name) reaches the tenant table as at startup.
        rules.onReload(book -> TenantSync.apply(started.pool(), book.tenantDetails(YearMonth.now(clock.withZone(STOCKHOLM))))
          .onFailure(failure -> LOG.error("The tenant table could not follow the reloaded rules: {}",
            failure.getMessage())));
        // The municipalities of robots/tenants/ (their details in force this month) before anything refers to them.
        return TenantSync.apply(started.pool(), rules.get().tenantDetails(YearMonth.now(clock.withZone(STOCKHOLM))))
          .compose(synced -> ResidentTenants.requirePresent(new TenantRepository(started.pool()), tenants))
          .compose(checked -> ruleBookReloads.recordStartup())
          .compose(recorded -> staffIssuer(config))
          .map(issuer -> Identity.create(vertx, config, started.pool(), http, clock, bankId,
            // In demo mode the login page offers the simulator's phone page next to the (absent) BankID app.
            demo.flatMap(DemoMode::bankIdPhonePage), issuer));
      }).compose(identity -> Services.create(vertx, config, clock, database.pool(), http, identity, tenants, bankId,
          demo, rules, ruleBookReloads))
        .compose(built -> seedDemoData(built).map(built))));
    }).compose(built -> {
      services = built;
      // The e-tjänst's background work, and the completion of application signatures, before any request arrives.
      return vertx.deployVerticle(new BistandVerticle(built.bistand(), built.pool(), built.clock()))
        .compose(v -> vertx.deployVerticle(new FamiljerattVerticle(built.familjeratt())))
        .map(built);
    }).compose(built -> contract.compose(api -> {
      // One set of route modules over the shared services and the one contract; each HTTP verticle instance mounts
      // them on its own router.
      List<RoutesModule> modules = Routes.modules(built);
      return vertx.deployVerticle(
        () -> new HttpServerVerticle(built.http(), v -> RouterAssembly.create(v, built.http(), api, modules),
          httpPort::set),
        new DeploymentOptions().setInstances(built.http().instances()))
        .compose(v -> vertx.deployVerticle(new RulesVerticle(built.ruleBookReloads(), built.clock(),
          Duration.ofSeconds(built.config().integer(Setting.ROBOTS_RELOAD_SECONDS, 0, 86_400)),
          built.http().meterRegistry())))
        .compose(v -> vertx.deployVerticle(built.letters().verticle()))
        .compose(v -> vertx.deployVerticle(built.letters().printVerticle()))
        // The live dashboard's LISTEN connection, keep-alives and /metrics' figures: one per server.
        .compose(v -> vertx.deployVerticle(built.live().verticle(database.settings().connectOptions())))
        .compose(v -> vertx.deployVerticle(new SnapshotVerticle(new Nyckeltal(built.pool(), built.clock()))))
        .compose(v -> built.payments().settings().jobsEnabled()
          ? vertx.deployVerticle(new PaymentVerticle(built.payments())) : Future.succeededFuture())
        .compose(v -> deployRobot(built));
    })).onSuccess(ignored -> {
      announce(services.config());
      onStarted.forEach(listener -> listener.accept(services));
    });
  }

  /** The BankID BANKID_URL names; in demo mode without it, the built-in simulator. */
  private Future<BankIdClient> startBankId(AppConfig config) {
    if (BankIdSetup.configured(config) || !config.isDemo()) {
      return BankIdSetup.connect(vertx, config, clock);
    }
    return demo.orElseThrow().startBankId(vertx, config, clock);
  }

  /** The configured PostgreSQL; in demo mode without one, the embedded server (stopped again if migrating fails). */
  private Future<Database> startDatabase(AppConfig config) {
    if (config.databaseConfigured() || !config.isDemo()) {
      return Database.start(vertx, config);
    }
    DemoMode standIns = demo.orElseThrow();
    return standIns.startDatabase(vertx, config, fresh).compose(embedded -> Database.start(vertx, config, embedded)
      .recover(failure -> standIns.stop(vertx).transform(stopped -> Future.failedFuture(failure))));
  }

  /** OIDC_ISSUER; in demo mode without it, a local provider listing the demo staff (started on a worker). */
  private Future<URI> staffIssuer(AppConfig config) {
    OidcSettings oidc = Identity.validate(config);
    if (oidc.issuer().isPresent()) {
      return Future.succeededFuture(oidc.issuer().get());
    }
    Path work = Path.of(config.string(Setting.DATA_DIR)).toAbsolutePath().normalize();
    return demo.orElseThrow().startStaffIssuer(vertx, oidc.demoPort(), work);
  }

  /** The robot, unless ROBOT_ENABLED is false on this instance (other instances may run it). */
  private Future<?> deployRobot(Services built) {
    RobotSettings settings = RobotSettings.from(built.config());
    if (!settings.enabled()) {
      return Future.succeededFuture();
    }
    return new Robot(built.pool(), built.clock(), settings, built.rules(),
      RegisterAdapters.from(built.config(), () -> demo.orElseThrow().registerSimulator(built.clock())),
      built.bistand().komplettering(),
      built.casework().automatedDecision())
      .deploy(vertx, database.settings().connectOptions(), built.config().integer(Setting.ROBOT_INSTANCES, 1, 64),
        built.robotMonitor());
  }

  private Future<Void> seedDemoData(Services built) {
    if (!built.config().isDemo() || !built.config().bool(Setting.DEMO_DATA)) {
      return Future.succeededFuture();
    }
    return demo.orElseThrow().seed(built);
  }

  private void announce(AppConfig config) {
    String url = config.optional(Setting.PUBLIC_URL)
      .orElse((services.http().tls() ? "https" : "http") + "://localhost:" + httpPort.get()) + "/";
    if (config.isDemo()) {
      LOG.info("Socialportalen is running in DEMO mode. Open {}\n"
        + "  Residents log in at {}logga-in/ with the BankID simulator ({}bankid-simulator/ plays the phone)\n"
        + "  Staff log in at {}handlaggare/ (pick a demo person on the local login page)", url, url, url, url);
    } else {
      LOG.info("Socialportalen is running on {}", url);
    }
  }

  public int httpPort() {
    return httpPort.get();
  }

  @Override
  public Future<?> stop() {
    return (database == null ? Future.<Void>succeededFuture() : database.close())
      .eventually(() -> demo.map(standIns -> standIns.stop(vertx)).orElse(Future.succeededFuture()));
  }
}
