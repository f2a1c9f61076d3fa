package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GET /api/v1/openapi.yaml: the API description (src/main/resources/openapi/openapi.yaml), read once per instance. */
public final class OpenApiRoutes implements RoutesModule {

  static final String RESOURCE = "/openapi/openapi.yaml";

  private final Future<Buffer> document;

  public OpenApiRoutes(Vertx vertx) {
    this.document = vertx.executeBlocking(() -> {
      try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return Buffer.buffer(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, false);
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/openapi.yaml").handler(ctx -> document
      .onSuccess(yaml -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        // Public and the same for everyone; revalidate so a new deployment is seen at once.
        .putHeader("Cache-Control", "no-cache")
        .end(yaml))
      .onFailure(ctx::fail));
  }
}
