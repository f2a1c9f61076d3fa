package se.socialportal.identity.session;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.Tokens;
import io.vertx.core.json.JsonObject;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.Responses;

import java.util.Optional;
import java.util.Set;

/**
 * Route handlers that load the session and guard routes: resident-only, staff-only, and the CSRF check on every
 * state-changing request made with a session (the page sends the session's token in X-CSRF-Token).
 */
public final class SessionAccess {

  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String KEY = "session";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final SessionStore store;
  private final SessionCookies cookies;

  public SessionAccess(SessionStore store, SessionCookies cookies) {
    this.store = store;
    this.cookies = cookies;
  }

  public SessionCookies cookies() {
    return cookies;
  }

  public SessionStore store() {
    return store;
  }

  /** Loads the session if there is one; never fails the request by itself. */
  public void load(RoutingContext ctx) {
    store.find(cookies.read(ctx)).onComplete(result -> {
      if (result.failed()) {
        ctx.fail(result.cause());
        return;
      }
      result.result().ifPresent(session -> ctx.put(KEY, session));
      ctx.next();
    });
  }

  /**
   * Answers "who am I" for a page: {authenticated:false}, or name, CSRF token and expiry (plus tenant and roles for
   * staff) when the current session is of the given kind.
   */
  public static void describe(RoutingContext ctx, Session.Kind kind) {
    describe(ctx, kind, null);
  }

  /** As {@link #describe(RoutingContext, Session.Kind)}, with the idle timeout, so the page can warn before it. */
  public static void describe(RoutingContext ctx, Session.Kind kind, java.time.Duration idle) {
    var current = current(ctx).filter(session -> session.kind() == kind);
    if (current.isEmpty()) {
      Responses.ok(ctx, new JsonObject().put("authenticated", false));
      return;
    }
    Session session = current.get();
    JsonObject json = new JsonObject()
      .put("authenticated", true)
      .put("name", session.displayName())
      .put("csrfToken", session.csrfToken())
      .put("expiresAt", session.expiresAt().toString());
    if (idle != null) {
      json.put("idleSeconds", idle.toSeconds());
    }
    if (session.isStaff()) {
      json.put("tenant", session.tenantId()).put("roles", session.roles())
        .put("staffId", session.staffMemberId().toString());
    }
    Responses.ok(ctx, json);
  }

  /** Ends the current session and clears the cookie; for use after requireResident / requireStaff. */
  public void logout(RoutingContext ctx) {
    store.end(cookies.read(ctx), "logout").onComplete(done -> {
      cookies.clear(ctx);
      Responses.noContent(ctx);
    });
  }

  public static Optional<Session> current(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }

  /** The current resident session; for use after {@link #requireResident}. */
  public static Session resident(RoutingContext ctx) {
    return current(ctx).filter(Session::isResident).orElseThrow(ApiException::unauthenticated);
  }

  public void requireResident(RoutingContext ctx) {
    if (current(ctx).filter(Session::isResident).isEmpty()) {
      ctx.fail(ApiException.unauthenticated());
      return;
    }
    checkCsrf(ctx);
  }

  public void requireStaff(RoutingContext ctx) {
    if (current(ctx).filter(Session::isStaff).isEmpty()) {
      ctx.fail(ApiException.unauthenticated());
      return;
    }
    checkCsrf(ctx);
  }

  private static void checkCsrf(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    if (!Tokens.same(current(ctx).orElseThrow().csrfToken(), ctx.request().getHeader(CSRF_HEADER))) {
      ctx.fail(ApiException.forbidden("csrf_failed"));
      return;
    }
    ctx.next();
  }
}
