package se.socialportal.identity.staff;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.identity.Tokens;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.tenant.TenantRepository;

import java.time.Clock;
import java.util.List;

/**
 * Staff login with OpenID Connect: authorization code + PKCE (S256) + nonce, the state bound to the browser by a
 * cookie. Roles and municipality come from the ID token; a token that names no known tenant or role gives no access.
 */
public final class StaffLoginRoutes implements RoutesModule {

  private static final Logger LOG = LoggerFactory.getLogger(StaffLoginRoutes.class);
  private static final String STATE_COOKIE = "sp_oidc_state";
  private static final String CALLBACK_PATH = "/handlaggare/callback";

  private final StaffOidc oidc;
  private final OidcSettings settings;
  private final OidcLoginAttempts attempts;
  private final StaffRepository staff;
  private final TenantRepository tenants;
  private final SessionAccess sessions;
  private final HttpSettings http;
  private final Clock clock;

  public StaffLoginRoutes(StaffOidc oidc, OidcSettings settings, OidcLoginAttempts attempts, StaffRepository staff,
                          TenantRepository tenants, SessionAccess sessions, HttpSettings http, Clock clock) {
    this.oidc = oidc;
    this.settings = settings;
    this.attempts = attempts;
    this.staff = staff;
    this.tenants = tenants;
    this.sessions = sessions;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/handlaggare/login").handler(this::start);
    router.get(CALLBACK_PATH).handler(this::callback);
    router.get("/api/v1/staff/session").handler(sessions::load).handler(ctx -> SessionAccess.describe(ctx, Session.Kind.STAFF));
    router.post("/api/v1/staff/logout").handler(sessions::load).handler(sessions::requireStaff).handler(sessions::logout);
  }

  private void start(RoutingContext ctx) {
    String state = Tokens.random();
    String verifier = Tokens.random();
    String nonce = Tokens.random();
    String returnTo = safeReturnPath(ctx.request().getParam("returnTo"));
    String redirectUri = http.origin(ctx) + CALLBACK_PATH;
    attempts.save(Tokens.sha256(state), new OidcLoginAttempts.Attempt(verifier, nonce, returnTo), clock.instant())
      .compose(v -> oidc.client())
      .onSuccess(client -> {
        String url = client.authorizeURL(new OAuth2AuthorizationURL()
          .setRedirectUri(redirectUri)
          .setScopes(List.of("openid", "profile", "email"))
          .setState(state)
          .setCodeChallenge(Tokens.pkceChallenge(verifier))
          .setCodeChallengeMethod("S256")
          .putAdditionalParameter("nonce", nonce));
        Cookie cookie = sessions.cookies().base(ctx, STATE_COOKIE, state)
          .setMaxAge(OidcLoginAttempts.LIFETIME.toSeconds());
        ctx.response().addCookie(cookie).putHeader("Location", url).setStatusCode(302).end();
      })
      .onFailure(failure -> {
        LOG.warn("Staff login could not reach the identity provider: {}", failure.getMessage());
        ctx.fail(ApiException.of(503, "identity_provider_unavailable"));
      });
  }

  private void callback(RoutingContext ctx) {
    String state = ctx.request().getParam("state");
    String code = ctx.request().getParam("code");
    Cookie cookie = ctx.request().getCookie(STATE_COOKIE);
    ctx.response().addCookie(sessions.cookies().base(ctx, STATE_COOKIE, "").setMaxAge(0));
    if (ctx.request().getParam("error") != null) {
      ctx.fail(ApiException.forbidden("staff_login_refused"));
      return;
    }
    if (state == null || code == null || cookie == null || !Tokens.same(cookie.getValue(), state)) {
      ctx.fail(ApiException.badRequest("staff_login_expired"));
      return;
    }
    String redirectUri = http.origin(ctx) + CALLBACK_PATH;
    attempts.consume(Tokens.sha256(state), clock.instant())
      .compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(ApiException.badRequest("staff_login_expired")))
      .compose(attempt -> oidc.client()
        .compose(client -> client.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
          .setCode(code).setRedirectUri(redirectUri).setCodeVerifier(attempt.codeVerifier())))
        .compose(user -> claims(user, attempt))
        .compose(this::signIn)
        .map(token -> {
          sessions.store().end(sessions.cookies().read(ctx), "replaced");
          sessions.cookies().set(ctx, token);
          return attempt.returnTo();
        }))
      .onSuccess(returnTo -> ctx.response().putHeader("Location", returnTo).setStatusCode(302).end())
      .onFailure(failure -> {
        if (!(failure instanceof ApiException)) {
          LOG.warn("Staff login refused by the identity provider exchange: {}", failure.getMessage());
        }
        ctx.fail(failure instanceof ApiException ? failure : ApiException.forbidden("staff_login_refused"));
      });
  }

  private Future<StaffClaims> claims(User user, OidcLoginAttempts.Attempt attempt) {
    JsonObject idToken = user.attributes().getJsonObject("idToken");
    if (idToken == null || !Tokens.same(attempt.nonce(), idToken.getString("nonce"))) {
      LOG.warn("Staff login refused: the ID token is missing or its nonce does not match this login");
      return Future.failedFuture(ApiException.forbidden("staff_login_refused"));
    }
    return StaffClaims.from(idToken, settings)
      .map(Future::succeededFuture)
      .orElseGet(() -> Future.failedFuture(ApiException.forbidden("staff_no_access")));
  }

  private Future<String> signIn(StaffClaims claims) {
    return tenants.find(claims.tenant()).compose(tenant -> {
      if (tenant.isEmpty()) {
        return Future.failedFuture(ApiException.forbidden("staff_no_access"));
      }
      return staff.recordLogin(claims.tenant(), claims.subject(), claims.name(), claims.email(), claims.roles(),
        clock.instant())
        .compose(staffId -> sessions.store().createStaff(claims.tenant(), staffId, claims.name(), claims.roles()))
        .map(created -> created.token());
    });
  }

  /** Only our own staff pages: never an absolute URL, so the login cannot be used as an open redirect. */
  static String safeReturnPath(String requested) {
    if (requested != null && requested.matches("/(handlaggare|admin)/[A-Za-z0-9/_.#?=&-]*")) {
      return requested;
    }
    return "/handlaggare/";
  }
}
