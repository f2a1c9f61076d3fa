package se.socialportal.identity.bankid;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.Messages;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP side of BankID orders, for the routes that start and follow them: who the caller is (address, origin,
 * language, device) as plain values for {@link BankIdOrders}, and the binding cookie that ties an order to the browser
 * that started it.
 */
public final class BankIdBrowsers {

  // One cookie per order, named after it and sent only to its own paths: several tabs each follow their own order,
  // and a value the browser already had (planted by another site) is never used.
  private static final String BINDING_COOKIE = "sp_bankid_";
  private static final Duration BINDING_LIFETIME = Duration.ofMinutes(30);

  private final HttpSettings http;
  private final SessionCookies cookies;

  public BankIdBrowsers(HttpSettings http, SessionCookies cookies) {
    this.http = http;
    this.cookies = cookies;
  }

  public BankIdOrders.Caller caller(RoutingContext ctx) {
    String agent = String.valueOf(ctx.request().getHeader("User-Agent")).toLowerCase(Locale.ROOT);
    return new BankIdOrders.Caller(http.clientAddress().of(ctx), http.origin(ctx), Messages.language(ctx),
      agent.contains("mobile") || agent.contains("android") || agent.contains("iphone"));
  }

  /** A sign order follows the browser's choice of device: {@code ?device=qr} for another device. */
  public static boolean sameDevice(RoutingContext ctx) {
    return !"qr".equals(ctx.request().getParam("device"));
  }

  /**
   * Hands the new order's binding to the browser that started it, in a cookie of its own: whatever binding cookie
   * the browser sent is ignored, so nobody can prepare a value, plant it in someone's browser and then follow their
   * login.
   */
  public void bind(RoutingContext ctx, BankIdOrders.Binding binding) {
    ctx.response().addCookie(cookies.base(ctx, cookieName(binding.orderId()), binding.token())
      .setPath("/api/v1/bankid/orders/" + binding.orderId()).setMaxAge(BINDING_LIFETIME.toSeconds()));
  }

  /** The binding this browser holds for the order, if any. */
  public static Optional<String> binding(RoutingContext ctx, UUID orderId) {
    Cookie cookie = ctx.request().getCookie(cookieName(orderId));
    return cookie == null ? Optional.empty() : Optional.of(cookie.getValue());
  }

  private static String cookieName(UUID id) {
    return BINDING_COOKIE + id.toString().replace("-", "");
  }
}
