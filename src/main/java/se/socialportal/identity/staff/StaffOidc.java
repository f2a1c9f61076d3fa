package se.socialportal.identity.staff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The OpenID Connect client for staff login, discovered on first use and kept. A failed discovery is not kept, so
 * the next login attempt tries again: the server starts and serves residents even while the IdP is unreachable.
 */
public final class StaffOidc {

  private final Vertx vertx;
  private final OAuth2Options options;
  private final AtomicReference<Future<OAuth2Auth>> client = new AtomicReference<>();

  public StaffOidc(Vertx vertx, URI issuer, String clientId, String clientSecret) {
    this.vertx = vertx;
    this.options = new OAuth2Options()
      .setSite(issuer.toString())
      .setClientId(clientId)
      .setClientSecret(clientSecret == null || clientSecret.isEmpty() ? null : clientSecret);
  }

  public Future<OAuth2Auth> client() {
    Future<OAuth2Auth> existing = client.get();
    if (existing != null && !existing.failed()) {
      return existing;
    }
    Future<OAuth2Auth> discovery = OpenIDConnectAuth.discover(vertx, options);
    client.set(discovery);
    return discovery.onFailure(failure -> client.compareAndSet(discovery, null));
  }
}
