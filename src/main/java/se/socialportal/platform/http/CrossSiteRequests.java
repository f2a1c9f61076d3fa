package se.socialportal.platform.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A second line behind the CSRF token: a browser says where a request comes from, and a request that changes
 * something is refused (403 {@code cross_site_request}) when it comes from another site — {@code Sec-Fetch-Site:
 * cross-site} or {@code same-site} (a sibling subdomain is another party), or an {@code Origin} that is neither the
 * host the request was sent to nor PUBLIC_URL. A request without these headers is not a browser's; it still needs a
 * valid CSRF token wherever a session is used, as before.
 */
final class CrossSiteRequests {

  private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
    HttpMethod.DELETE);

  private final HttpSettings settings;

  CrossSiteRequests(HttpSettings settings) {
    this.settings = settings;
  }

  void check(RoutingContext ctx) {
    if (!CHANGING.contains(ctx.request().method()) || sameSite(ctx)) {
      ctx.next();
    } else {
      ctx.fail(ApiException.forbidden("cross_site_request"));
    }
  }

  private boolean sameSite(RoutingContext ctx) {
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    if (site != null) {
      String value = site.strip().toLowerCase(Locale.ROOT);
      // "none": the person typed or bookmarked it; no other site made the browser send it.
      return value.equals("same-origin") || value.equals("none");
    }
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      return true;
    }
    Optional<String> from = hostAndPort(origin);
    if (from.isEmpty()) {
      return false;
    }
    String scheme = settings.clientAddress().isHttps(ctx) ? "https" : "http";
    var authority = ctx.request().authority();
    boolean toThisHost = authority != null && from.get().equals(scheme + "://" + hostAndPort(scheme, authority.host(),
      authority.port()));
    boolean toPublicUrl = settings.publicUrl().flatMap(url -> hostAndPort(url.toString())).filter(from.get()::equals)
      .isPresent();
    return toThisHost || toPublicUrl;
  }

  /** "scheme://host:port" with the port written out, or empty for "null" and anything unparsable. */
  private static Optional<String> hostAndPort(String url) {
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      return Optional.of(scheme + "://" + hostAndPort(scheme, uri.getHost(), uri.getPort()));
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String hostAndPort(String scheme, String host, int port) {
    int effective = port > 0 ? port : scheme.equals("https") ? 443 : 80;
    return host.toLowerCase(Locale.ROOT) + ":" + effective;
  }
}
