package se.socialportal;

import se.socialportal.platform.http.HealthRoutes;
import se.socialportal.platform.http.RoutesModule;

import java.util.List;

/** Every room's HTTP module, in mounting order. Adding a room's routes is one line here. */
final class Routes {

  private Routes() {
  }

  static List<RoutesModule> modules(Services services) {
    return List.of(
      new HealthRoutes(services.vertx(), services.pool()),
      // Demo mode only: the BankID simulator's phone page and test-control API under /bankid-simulator/.
      services.bankIdSimulator().<RoutesModule>map(simulator -> simulator::mount).orElse(router -> { }));
  }
}
