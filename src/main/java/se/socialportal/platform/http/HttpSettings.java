package se.socialportal.platform.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** What the HTTP server needs from the configuration, validated once. */
public record HttpSettings(String host, int port, int instances, Optional<Path> tlsCert, Optional<Path> tlsKey,
                           int bodyLimitBytes, ClientAddress clientAddress, Optional<String> metricsToken,
                           Optional<URI> publicUrl, PrometheusMeterRegistry meterRegistry) {

  public static HttpSettings from(AppConfig config, PrometheusMeterRegistry meterRegistry) {
    Optional<Path> cert = config.readableFile(Setting.TLS_CERT);
    Optional<Path> key = config.readableFile(Setting.TLS_KEY);
    if (cert.isPresent() != key.isPresent()) {
      config.refuse(cert.isPresent() ? Setting.TLS_KEY : Setting.TLS_CERT, "TLS_CERT and TLS_KEY must be set together");
    }
    int instances = config.integer(Setting.HTTP_INSTANCES, 0, 64);
    Optional<URI> publicUrl = config.url(Setting.PUBLIC_URL);
    if (!config.isDemo() && publicUrl.isEmpty()) {
      // Redirects from BankID and the identity provider must come back to the address residents use.
      config.refuse(Setting.PUBLIC_URL, "is required in production (" + Setting.PUBLIC_URL.description() + ")");
    }
    Optional<String> metricsToken = config.optional(Setting.METRICS_TOKEN);
    if (!config.isDemo() && metricsToken.isEmpty()) {
      // /metrics shows traffic, pool and JVM figures: never open to the internet by omission.
      config.refuse(Setting.METRICS_TOKEN, "is required in production (" + Setting.METRICS_TOKEN.description() + ")");
    }
    return new HttpSettings(
      config.string(Setting.HTTP_HOST),
      config.port(Setting.HTTP_PORT),
      instances == 0 ? Runtime.getRuntime().availableProcessors() : instances,
      cert, key,
      config.integer(Setting.BODY_LIMIT_KB, 16, 64 * 1024) * 1024,
      new ClientAddress(config.ipAddresses(Setting.TRUSTED_PROXIES)),
      metricsToken,
      publicUrl,
      meterRegistry);
  }

  public boolean tls() {
    return tlsCert.isPresent();
  }

  /**
   * The origin (scheme://host[:port], no trailing slash) that redirects back to us must use: PUBLIC_URL, or in demo
   * mode the origin the browser used, so cookies set before a redirect are sent after it.
   */
  public String origin(RoutingContext ctx) {
    if (publicUrl.isPresent()) {
      return publicUrl.get().toString();
    }
    String scheme = clientAddress.isHttps(ctx) ? "https" : "http";
    String host = ctx.request().authority() == null ? "localhost:" + port : ctx.request().authority().toString();
    return scheme + "://" + host;
  }
}
