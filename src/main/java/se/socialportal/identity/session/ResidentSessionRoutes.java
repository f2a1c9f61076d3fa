package se.socialportal.identity.session;

import io.vertx.ext.web.Router;
import se.socialportal.platform.http.RoutesModule;

/** The resident's own session: who is logged in (and the CSRF token for the page), and logout. */
public final class ResidentSessionRoutes implements RoutesModule {

  private final SessionAccess sessions;

  public ResidentSessionRoutes(SessionAccess sessions) {
    this.sessions = sessions;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/session").handler(sessions::load).handler(ctx -> SessionAccess.describe(ctx, Session.Kind.RESIDENT,
      sessions.store().settings().idle()));
    router.post("/api/v1/logout").handler(sessions::load).handler(sessions::requireResident).handler(sessions::logout);
  }
}
