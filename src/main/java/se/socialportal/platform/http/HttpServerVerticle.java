package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;

import java.util.function.Function;
import java.util.function.IntConsumer;

/** Serves the router on the configured address. Thin on purpose: everything else is in the modules. */
public final class HttpServerVerticle extends VerticleBase {

  private final HttpSettings settings;
  private final Function<Vertx, Router> routerFactory;
  private final IntConsumer onListening;

  public HttpServerVerticle(HttpSettings settings, Function<Vertx, Router> routerFactory, IntConsumer onListening) {
    this.settings = settings;
    this.routerFactory = routerFactory;
    this.onListening = onListening;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options = new HttpServerOptions()
      .setHost(settings.host())
      .setPort(settings.port())
      .setCompressionSupported(true)
      .setMaxFormAttributeSize(64 * 1024)
      .setIdleTimeout(120);
    if (settings.tls()) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
        .setCertPath(settings.tlsCert().get().toString())
        .setKeyPath(settings.tlsKey().get().toString()));
    }
    Router router = routerFactory.apply(vertx);
    return vertx.createHttpServer(options)
      .invalidRequestHandler(InvalidRequests::answer)
      .requestHandler(router)
      .listen()
      .onSuccess(server -> onListening.accept(server.actualPort()));
  }

}
