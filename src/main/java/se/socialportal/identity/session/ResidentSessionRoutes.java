package se.socialportal.identity.session;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;

/** The resident's own session: who is logged in (and the CSRF token for the page), and logout. */
public final class ResidentSessionRoutes implements RoutesModule {

  private final SessionAccess sessions;

  public ResidentSessionRoutes(SessionAccess sessions) {
    this.sessions = sessions;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/session").handler(sessions::load).handler(this::session);
    router.post("/api/v1/logout").handler(sessions::load).handler(sessions::requireResident).handler(this::logout);
  }

  private void session(RoutingContext ctx) {
    var current = SessionAccess.current(ctx).filter(Session::isResident);
    if (current.isEmpty()) {
      Responses.ok(ctx, new JsonObject().put("authenticated", false));
      return;
    }
    Session session = current.get();
    Responses.ok(ctx, new JsonObject()
      .put("authenticated", true)
      .put("name", session.displayName())
      .put("csrfToken", session.csrfToken())
      .put("expiresAt", session.expiresAt().toString()));
  }

  private void logout(RoutingContext ctx) {
    sessions.store().end(sessions.cookies().read(ctx), "logout").onComplete(done -> {
      sessions.cookies().clear(ctx);
      Responses.noContent(ctx);
    });
  }
}
