package se.socialportal.platform.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.List;

/**
 * Builds the router every HTTP verticle instance serves: the cross-cutting handlers in a fixed order (request id,
 * access log, security headers, cross-site refusal, the JSON edge, the API contract), then the rooms' routes (each
 * room's in a router of its own, see {@link RoomRouters}), then the static webroot, then the uniform failure responder.
 */
public final class RouterAssembly {

  private RouterAssembly() {
  }

  /** A router without the contract's checks (for routes the contract does not describe, e.g. in tests). */
  public static Router create(Vertx vertx, HttpSettings settings, List<RoutesModule> modules) {
    return create(vertx, settings, null, modules);
  }

  /** @param contract every request it describes is checked against it before the route's handler runs */
  public static Router create(Vertx vertx, HttpSettings settings, ApiContract contract, List<RoutesModule> modules) {
    Router router = Router.router(vertx);
    SecurityHeaders headers = new SecurityHeaders(settings.clientAddress());
    router.route().handler(HttpMetrics.of(settings.meterRegistry())::record);
    router.route().handler(RequestIds::assign);
    router.route().handler(AccessLog::record);
    router.route().handler(headers::apply);

    // Requests from other sites are refused before anything is read; then the body is checked at the edge.
    router.route("/api/*").handler(new CrossSiteRequests(settings)::check);
    JsonRequests edge = JsonRequests.mount(router, settings.bodyLimitBytes());
    if (contract != null) {
      router.route("/api/*").handler(new ContractValidation(contract)::handle);
    }

    router.get("/metrics").handler(metricsAccess(settings)).handler(PrometheusScrapingHandler.create(settings.meterRegistry()));

    for (RoutesModule module : modules) {
      RoomRouters.mount(vertx, router, module);
    }
    // Uploads (multipart) read the request themselves, with their own limit, on the routes marked for them.
    edge.learnUploads(routes(router));

    router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound()));
    StaticFiles.mount(router);

    router.route().failureHandler(FailureResponder::handle);
    router.errorHandler(404, FailureResponder::handle);
    router.errorHandler(405, FailureResponder::handle);
    router.errorHandler(500, FailureResponder::handle);
    return router;
  }

  /** Every route of a router this class built, the rooms' own routers' routes included, in the order they are tried. */
  public static List<Route> routes(Router router) {
    return RoomRouters.routes(router);
  }

  private static io.vertx.core.Handler<RoutingContext> metricsAccess(HttpSettings settings) {
    return ctx -> {
      if (settings.metricsToken().isEmpty()
        || ("Bearer " + settings.metricsToken().get()).equals(ctx.request().getHeader("Authorization"))) {
        ctx.next();
      } else {
        ctx.fail(ApiException.unauthenticated());
      }
    };
  }
}
