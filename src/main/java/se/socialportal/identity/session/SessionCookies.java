package se.socialportal.identity.session;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.platform.http.ClientAddress;

/**
 * The session cookie: HttpOnly, SameSite=Lax (Strict would drop it when the BankID app sends the resident back to
 * us), Secure whenever the connection is TLS or we run in production.
 */
public final class SessionCookies {

  public static final String NAME = "sp_session";

  private final SessionSettings settings;
  private final ClientAddress clientAddress;

  public SessionCookies(SessionSettings settings, ClientAddress clientAddress) {
    this.settings = settings;
    this.clientAddress = clientAddress;
  }

  public String read(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(NAME);
    return cookie == null ? null : cookie.getValue();
  }

  public void set(RoutingContext ctx, String token) {
    ctx.response().addCookie(base(ctx, NAME, token).setMaxAge(settings.maximum().toSeconds()));
  }

  public void clear(RoutingContext ctx) {
    ctx.response().addCookie(base(ctx, NAME, "").setMaxAge(0));
  }

  /** A cookie with this installation's policy; other short-lived cookies (login binding) use it too. */
  public Cookie base(RoutingContext ctx, String name, String value) {
    return Cookie.cookie(name, value)
      .setPath("/")
      .setHttpOnly(true)
      .setSecure(secure(ctx))
      .setSameSite(CookieSameSite.LAX);
  }

  public boolean secure(RoutingContext ctx) {
    return settings.alwaysSecure() || clientAddress.isHttps(ctx);
  }
}
