package se.socialportal;

import se.socialportal.admin.RulesAdminRoutes;
import se.socialportal.audit.AuditReportRoutes;
import se.socialportal.rules.RulesHealthReport;
import se.socialportal.casework.CaseActions;
import se.socialportal.casework.CaseCommunication;
import se.socialportal.casework.CaseView;
import se.socialportal.casework.CaseworkRoutes;
import se.socialportal.casework.PaperRegistration;
import se.socialportal.bistand.Submission;
import se.socialportal.casework.QueueQuery;
import se.socialportal.casework.StaffDirectory;
import se.socialportal.casework.decision.AterkravService;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.bistand.BistandModule;
import se.socialportal.familjeratt.FamiljerattModule;
import se.socialportal.identity.bankid.BankIdOrderRoutes;
import se.socialportal.identity.session.ResidentSessionRoutes;
import se.socialportal.letters.Expediering;
import se.socialportal.letters.LetterRoutes;
import se.socialportal.payment.PaymentRoutes;
import se.socialportal.identity.staff.OidcLoginAttempts;
import se.socialportal.identity.staff.StaffLoginRoutes;
import se.socialportal.identity.staff.StaffRepository;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.HealthRoutes;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.OpenApiRoutes;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.provrakning.ProvrakningRoutes;
import se.socialportal.robot.RobotHealth;

import se.socialportal.tenant.TenantRepository;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every room's HTTP module, in mounting order. Adding a room's routes is one line here. */
final class Routes {

  private Routes() {
  }

  static List<RoutesModule> modules(Services services) {
    var identity = services.identity();
    var bistand = new BistandModule(services);
    return List.of(
      new HealthRoutes(services.vertx(), services.pool(),
        Map.of("robot", new RobotHealth(services.pool(), services.clock(), services.robotMonitor()),
          "rules", new RulesHealthReport(services.rules(), services.clock()))),
      new ResidentSessionRoutes(identity.sessions()),
      new BankIdOrderRoutes(identity.bankIdOrders(), new RateLimiter(services.pool(), services.clock(), "login",
        services.config().integer(Setting.LOGIN_RATE_PER_MINUTE, 1, 10_000), Duration.ofMinutes(1)),
        services.http().clientAddress(), services.tenants()),
      new StaffLoginRoutes(identity.staffOidc(), identity.oidcSettings(), new OidcLoginAttempts(services.pool()),
        new StaffRepository(services.pool()), new TenantRepository(services.pool()), identity.sessions(),
        services.http(), services.clock()),
      bistand,
      familjeratt(services),
      // Demo mode only: the BankID simulator's phone page and test-control API under /bankid-simulator/.
      services.bankIdSimulator().<RoutesModule>map(simulator -> simulator::mount).orElse(router -> { }),
      casework(services, bistand),
      new LetterRoutes(services.pool(), identity.sessions(), services.clock()),
      new PaymentRoutes(identity.sessions(), services.payments(), services.clock()),
      new AuditReportRoutes(services.pool(), identity.sessions(), services.casework().rules(), services.clock()),
      new RulesAdminRoutes(identity.sessions(), services.ruleBookReloads(), services.clock()),
      new OpenApiRoutes(services.vertx()),
      new ProvrakningRoutes(services));
  }

  static FamiljerattModule familjeratt(Services services) {
    return new FamiljerattModule(services.vertx(), services.config(), services.clock(), services.pool(),
      services.identity(), services.rules(), services.http());
  }

  private static CaseworkRoutes casework(Services services, BistandModule bistand) {
    var casework = services.casework();
    var communication = new CaseCommunication(services.pool(), services.clock(), bistand.komplettering(),
      bistand.messages(), bistand.store());
    var expediering = new Expediering(services.vertx(), services.pool(), casework.mailbox(), services.clock());
    var decisions = new DecisionService(services.pool(), services.clock(), casework.rules(), casework.recalculation(),
      expediering);
    return new CaseworkRoutes(services.identity().sessions(),
      new QueueQuery(services.pool(), services.clock(), casework.dueAfter()),
      new CaseView(services.pool(), services.clock(), casework.rules(), casework.recalculation(), communication),
      new CaseActions(services.pool(), services.clock()),
      decisions, new AterkravService(services.pool(), services.clock(), casework.rules(), decisions),
      new StaffDirectory(services.pool(), services.clock()), communication,
      new PaperRegistration(services.pool(), services.clock(), new Submission(bistand.notifier())), casework,
      services.clock());
  }
}
