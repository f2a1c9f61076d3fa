package se.socialportal.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.util.List;

/**
 * Builds the router every HTTP verticle instance serves: the cross-cutting handlers in a fixed order, then the
 * rooms' routes, then the static webroot, then the uniform failure responder.
 */
public final class RouterAssembly {

  private RouterAssembly() {
  }

  public static Router create(Vertx vertx, HttpSettings settings, List<RoutesModule> modules) {
    Router router = Router.router(vertx);
    SecurityHeaders headers = new SecurityHeaders(settings.clientAddress());
    router.route().handler(RequestIds::assign);
    router.route().handler(AccessLog::record);
    router.route().handler(headers::apply);

    BodyHandler jsonBodies = BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes());
    // Uploads (multipart) choose their own, larger limit on their own route.
    router.route("/api/*").handler(ctx -> {
      if (isMultipart(ctx)) {
        ctx.next();
      } else {
        jsonBodies.handle(ctx);
      }
    });

    router.get("/metrics").handler(metricsAccess(settings)).handler(PrometheusScrapingHandler.create(settings.meterRegistry()));

    for (RoutesModule module : modules) {
      module.mount(router);
    }

    router.route("/api/*").handler(ctx -> ctx.fail(ApiException.notFound()));
    StaticFiles.mount(router);

    router.route().failureHandler(FailureResponder::handle);
    router.errorHandler(404, FailureResponder::handle);
    router.errorHandler(405, FailureResponder::handle);
    router.errorHandler(500, FailureResponder::handle);
    return router;
  }

  private static boolean isMultipart(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("multipart/") && ctx.request().method() == HttpMethod.POST;
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
