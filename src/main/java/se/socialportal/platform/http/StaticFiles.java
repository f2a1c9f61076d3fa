package se.socialportal.platform.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web front end from webroot/ (the working directory in development, the jar in production): pages with their
 * shared layout put in ({@link PageLayout}), everything else as it is. Assets may be cached briefly and revalidated;
 * HTML is always revalidated so a deployment reaches every browser at once.
 */
final class StaticFiles {

  private static final int ASSET_MAX_AGE_SECONDS = 600;
  /** Browser libraries come from their webjar on the classpath (pom.xml names the version), never from a CDN. */
  private static final String UPLOT_WEBJAR = "META-INF/resources/webjars/uplot/1.6.30";

  private StaticFiles() {
  }

  static void mount(Router router) {
    StaticHandler handler = StaticHandler.create("webroot")
      .setCachingEnabled(true)
      .setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS)
      .setIndexPage("index.html")
      .setDefaultContentEncoding("UTF-8")
      .setIncludeHidden(false)
      .setDirectoryListing(false);
    router.route().handler(ctx -> {
      ctx.addHeadersEndHandler(v -> {
        String type = ctx.response().headers().get("Content-Type");
        if (type != null && type.startsWith("text/html")) {
          ctx.response().headers().set("Cache-Control", "no-cache");
        } else if (ctx.response().getStatusCode() == 200) {
          ctx.response().headers().set("Cache-Control", "public, max-age=" + ASSET_MAX_AGE_SECONDS);
        }
      });
      ctx.next();
    });
    router.route("/vendor/uplot/*").handler(StaticHandler.create(UPLOT_WEBJAR).setCachingEnabled(true)
      .setMaxAgeSeconds(ASSET_MAX_AGE_SECONDS).setDirectoryListing(false).setIncludeHidden(false));
    router.route().handler(new PageLayout("webroot")::handle);
    router.route().handler(handler);
  }
}
