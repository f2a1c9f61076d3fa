package se.socialportal;

import se.socialportal.bistand.BistandModule;
import se.socialportal.identity.bankid.BankIdOrderRoutes;
import se.socialportal.identity.session.ResidentSessionRoutes;
import se.socialportal.identity.staff.OidcLoginAttempts;
import se.socialportal.identity.staff.StaffLoginRoutes;
import se.socialportal.identity.staff.StaffRepository;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.HealthRoutes;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.OpenApiRoutes;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.provrakning.ProvrakningRoutes;

import se.socialportal.tenant.TenantRepository;

import java.time.Duration;
import java.util.List;

/** Every room's HTTP module, in mounting order. Adding a room's routes is one line here. */
final class Routes {

  private Routes() {
  }

  static List<RoutesModule> modules(Services services) {
    var identity = services.identity();
    return List.of(
      new HealthRoutes(services.vertx(), services.pool()),
      new ResidentSessionRoutes(identity.sessions()),
      new BankIdOrderRoutes(identity.bankIdOrders(), new RateLimiter(services.pool(), services.clock(), "login",
        services.config().integer(Setting.LOGIN_RATE_PER_MINUTE, 1, 10_000), Duration.ofMinutes(1)),
        services.http().clientAddress(), services.tenants()),
      new StaffLoginRoutes(identity.staffOidc(), identity.oidcSettings(), new OidcLoginAttempts(services.pool()),
        new StaffRepository(services.pool()), new TenantRepository(services.pool()), identity.sessions(),
        services.http(), services.clock()),
      new BistandModule(services),
      // Demo mode only: the BankID simulator's phone page and test-control API under /bankid-simulator/.
      services.bankIdSimulator().<RoutesModule>map(simulator -> simulator::mount).orElse(router -> { }),
      new OpenApiRoutes(services.vertx()),
      new ProvrakningRoutes(services));
  }
}
