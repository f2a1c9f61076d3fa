package se.socialportal;

import se.socialportal.platform.http.HealthRoutes;
import se.socialportal.platform.http.OpenApiRoutes;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.provrakning.ProvrakningRoutes;

import java.util.List;

/** Every room's HTTP module, in mounting order. Adding a room's routes is one line here. */
final class Routes {

  private Routes() {
  }

  static List<RoutesModule> modules(Services services) {
    return List.of(
      new HealthRoutes(services.vertx(), services.pool()),
      new OpenApiRoutes(services.vertx()),
      new ProvrakningRoutes(services));
  }
}
