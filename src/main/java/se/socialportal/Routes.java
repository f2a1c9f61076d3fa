package se.socialportal;

import se.socialportal.admin.RulesAdminRoutes;
import se.socialportal.admin.live.LiveDashboardRoutes;
import se.socialportal.admin.ivo.IvoRoutes;
import se.socialportal.admin.nyckeltal.Nyckeltal;
import se.socialportal.admin.nyckeltal.NyckeltalRoutes;
import se.socialportal.identity.bankid.BankIdOrderRoutes;
import se.socialportal.identity.session.ResidentSessionRoutes;
import se.socialportal.payment.PaymentRoutes;
import se.socialportal.identity.staff.OidcLoginAttempts;
import se.socialportal.identity.staff.StaffLoginRoutes;
import se.socialportal.identity.staff.StaffRepository;
import se.socialportal.letters.print.PrintRoutes;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.HealthRoutes;
import se.socialportal.platform.http.OpenApiRoutes;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.reports.ReportRoutes;
import se.socialportal.robot.RobotHealth;
import se.socialportal.rules.RulesHealthReport;
import se.socialportal.tenant.TenantRepository;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every room's HTTP module, in mounting order, built once from the shared services: every HTTP verticle instance
 * mounts the same modules on its own router. Adding a room's routes is one line here.
 */
final class Routes {

  private Routes() {
  }

  static List<RoutesModule> modules(Services services) {
    var identity = services.identity();
    var sessions = identity.sessions();
    return List.of(
      new HealthRoutes(services.vertx(), services.pool(),
        Map.of("robot", new RobotHealth(services.pool(), services.clock(), services.robotMonitor()),
          "rules", new RulesHealthReport(services.rules(), services.clock()))),
      new ResidentSessionRoutes(sessions),
      new BankIdOrderRoutes(identity.bankIdOrders(), identity.bankIdBrowsers(), sessions,
        new RateLimiter(services.pool(), services.clock(), "login",
        services.config().integer(Setting.LOGIN_RATE_PER_MINUTE, 1, 10_000), Duration.ofMinutes(1)),
        services.http().clientAddress(), services.tenants()),
      new StaffLoginRoutes(identity.staffOidc(), identity.oidcSettings(), new OidcLoginAttempts(services.pool()),
        new StaffRepository(services.pool()), new TenantRepository(services.pool()), sessions,
        services.http(), services.clock()),
      services.bistand(),
      services.familjeratt(),
      // Demo mode only: the BankID simulator's phone page and test-control API under /bankid-simulator/.
      services.demo().map(DemoMode::routes).orElse(router -> { }),
      services.casework().routes(sessions, services.clock()),
      services.overklagande().routes(),
      new PaymentRoutes(sessions, identity.bankIdBrowsers(), services.payments(), services.clock()),
      new ReportRoutes(services.pool(), sessions, services.casework().rules(), services.clock()),
      new RulesAdminRoutes(sessions, services.ruleBookReloads(), services.clock()),
      new PrintRoutes(services.letters().printQueue(), sessions, services.pool(), services.clock()),
      new LiveDashboardRoutes(services.live(), services.pool(), sessions, services.clock()),
      new NyckeltalRoutes(services.pool(), sessions, new Nyckeltal(services.pool(), services.clock()),
        services.clock()),
      new IvoRoutes(services.pool(), sessions, services.clock()),
      new OpenApiRoutes(services.vertx()),
      services.provrakning());
  }
}
