package se.socialportal.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.demo.DemoStaff;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.identity.session.SessionSettings;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.identity.staff.DemoIdentityProvider;
import se.socialportal.identity.staff.OidcSettings;
import se.socialportal.identity.staff.StaffOidc;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.HttpSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Who is who: resident and staff sessions, and the staff OpenID Connect client — in demo mode pointed at a local
 * provider started here. Built once per process.
 */
public record Identity(SessionAccess sessions, BankIdOrders bankIdOrders, BankIdBrowsers bankIdBrowsers,
                       OidcSettings oidcSettings, StaffOidc staffOidc, Optional<DemoIdentityProvider> demoProvider) {

  private static final Logger LOG = LoggerFactory.getLogger(Identity.class);

  /** Reads and checks the configuration without starting anything, so a bad value stops startup early. */
  public static OidcSettings validate(AppConfig config) {
    SessionSettings.from(config);
    return OidcSettings.from(config);
  }

  public static Future<Identity> start(Vertx vertx, AppConfig config, Pool pool, HttpSettings http, Clock clock,
                                       BankIdSetup.BankId bankId) {
    OidcSettings oidc = OidcSettings.from(config);
    SessionSettings sessionSettings = SessionSettings.from(config);
    SessionAccess sessions = new SessionAccess(new SessionStore(pool, clock, sessionSettings),
      new SessionCookies(sessionSettings, http.clientAddress()));
    // In demo mode the login page offers the simulator's phone page next to the (absent) BankID app.
    BankIdOrders orders = new BankIdOrders(bankId.client(), pool, sessions.store(), clock,
      bankId.simulator().map(simulator -> "/bankid-simulator/"));
    BankIdBrowsers browsers = new BankIdBrowsers(http, sessions.cookies());
    if (oidc.issuer().isPresent()) {
      LOG.info("Staff log in through {}", oidc.issuer().get());
      return Future.succeededFuture(new Identity(sessions, orders, browsers, oidc,
        new StaffOidc(vertx, oidc.issuer().get(), oidc.clientId(), oidc.clientSecret()), Optional.empty()));
    }
    Path work = Path.of(config.string(Setting.DATA_DIR)).toAbsolutePath().normalize();
    return vertx.executeBlocking(() -> DemoIdentityProvider.start(oidc.demoPort(), work, DemoStaff.MEMBERS), false)
      .map(provider -> {
        URI issuer = provider.issuer();
        LOG.info("Demo staff log in through the local OpenID Connect provider at {}", issuer);
        return new Identity(sessions, orders, browsers, oidc,
          new StaffOidc(vertx, issuer, oidc.clientId(), oidc.clientSecret()), Optional.of(provider));
      });
  }

  public Future<Void> close(Vertx vertx) {
    return demoProvider.map(provider -> vertx.executeBlocking(() -> {
      provider.close();
      return (Void) null;
    }, false)).orElse(Future.succeededFuture());
  }
}
