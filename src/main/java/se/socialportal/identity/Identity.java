package se.socialportal.identity;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.identity.session.SessionCookies;
import se.socialportal.identity.session.SessionSettings;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.identity.staff.OidcSettings;
import se.socialportal.identity.staff.StaffOidc;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.http.HttpSettings;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Who is who: resident and staff sessions, BankID orders, and the staff OpenID Connect client — pointed at the
 * municipality's identity provider, or in demo mode at the local one the composition root starts. Built once per
 * process.
 */
public record Identity(SessionAccess sessions, BankIdOrders bankIdOrders, BankIdBrowsers bankIdBrowsers,
                       OidcSettings oidcSettings, StaffOidc staffOidc) {

  private static final Logger LOG = LoggerFactory.getLogger(Identity.class);

  /** Reads and checks the configuration without starting anything, so a bad value stops startup early. */
  public static OidcSettings validate(AppConfig config) {
    SessionSettings.from(config);
    return OidcSettings.from(config);
  }

  /**
   * @param bankId        the BankID client (the real BankID, or in demo mode the simulator)
   * @param simulatorPath in demo mode the path of the simulator's phone page, offered next to the autostart link
   * @param staffIssuer   the OpenID Connect issuer staff log in through (OIDC_ISSUER, or the demo's local provider)
   */
  public static Identity create(Vertx vertx, AppConfig config, Pool pool, HttpSettings http, Clock clock,
                                BankIdClient bankId, Optional<String> simulatorPath, URI staffIssuer) {
    OidcSettings oidc = OidcSettings.from(config);
    SessionSettings sessionSettings = SessionSettings.from(config);
    SessionAccess sessions = new SessionAccess(new SessionStore(pool, clock, sessionSettings),
      new SessionCookies(sessionSettings, http.clientAddress()));
    BankIdOrders orders = new BankIdOrders(bankId, pool, sessions.store(), clock, simulatorPath);
    BankIdBrowsers browsers = new BankIdBrowsers(http, sessions.cookies());
    LOG.info("Staff log in through {}", staffIssuer);
    return new Identity(sessions, orders, browsers, oidc,
      new StaffOidc(vertx, staffIssuer, oidc.clientId(), oidc.clientSecret()));
  }
}
