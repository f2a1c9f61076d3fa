package se.socialportal.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.bankid.BankIdClient;
import se.socialportal.bankid.BankIdClientOptions;
import se.socialportal.bankid.BankIdCredentials;
import se.socialportal.bankid.BankIdCredentialsException;
import se.socialportal.bankid.InvalidRequestException;
import se.socialportal.bankid.Requirement;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds the BankID client from the configuration: BANKID_URL (always set in production) with the RP certificate and
 * CA from BANKID_RP_CERT / BANKID_RP_CERT_PASSWORD / BANKID_CA. In demo mode without BANKID_URL the composition root
 * starts the built-in simulator instead (demo.DemoBankId) and points a client from {@link #client} at it. Every
 * configuration problem fails with a {@link ConfigException} naming the key.
 */
public final class BankIdSetup {

  private static final Logger LOG = LoggerFactory.getLogger(BankIdSetup.class);
  private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  private BankIdSetup() {
  }

  /**
   * Checks the BankID settings without reading any key material, so startup can name every configuration problem
   * before it starts anything (the certificate and its password are opened by {@link #start}).
   */
  public static void validate(AppConfig config) {
    try {
      certificatePolicies(config);
    } catch (ConfigException e) {
      config.refuse(Setting.BANKID_CERTIFICATE_POLICIES, e.getMessage().substring(e.key().length() + 2));
    }
    Optional<URI> url = config.url(Setting.BANKID_URL);
    if (url.isEmpty()) {
      if (!config.isDemo()) {
        config.refuse(Setting.BANKID_URL, "is required in production (" + Setting.BANKID_URL.description() + ")");
      }
      return;
    }
    if (!"https".equals(url.get().getScheme())) {
      config.refuse(Setting.BANKID_URL, "must be an https URL (BankID requires mutual TLS)");
    }
    if (config.readableFile(Setting.BANKID_RP_CERT).isEmpty()) {
      config.required(Setting.BANKID_RP_CERT);
    }
    config.required(Setting.BANKID_RP_CERT_PASSWORD);
    if (config.readableFile(Setting.BANKID_CA).isEmpty()) {
      config.required(Setting.BANKID_CA);
    }
  }

  /** Whether the configuration names a BankID to connect to (else demo mode runs its simulator). */
  public static boolean configured(AppConfig config) {
    return config.url(Setting.BANKID_URL).isPresent();
  }

  /**
   * The client for the BankID named by BANKID_URL, its key material opened and checked on a worker.
   *
   * @param clock the app's clock: the client's collect throttle and QR times
   */
  public static Future<BankIdClient> connect(Vertx vertx, AppConfig config, Clock clock) {
    try {
      List<String> policies = certificatePolicies(config);
      URI url = https(config.url(Setting.BANKID_URL).orElseThrow(() -> missing(config, Setting.BANKID_URL)));
      return connect(vertx, config, url, policies, clock);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
  }

  /** A client for another BankID RP API at {@code url} (the demo's simulator), with this configuration's policies. */
  public static BankIdClient client(Vertx vertx, AppConfig config, URI url, BankIdCredentials credentials,
                                   Clock clock) {
    return BankIdClient.create(vertx, options(url, credentials, certificatePolicies(config), clock));
  }

  private static Future<BankIdClient> connect(Vertx vertx, AppConfig config, URI url, List<String> policies,
                                              Clock clock) {
    Path certificate = config.readableFile(Setting.BANKID_RP_CERT)
      .orElseThrow(() -> missing(config, Setting.BANKID_RP_CERT));
    String password = config.required(Setting.BANKID_RP_CERT_PASSWORD);
    Path trustedCa = config.readableFile(Setting.BANKID_CA).orElseThrow(() -> missing(config, Setting.BANKID_CA));
    return BankIdCredentials.load(vertx, certificate, password, trustedCa)
      .recover(failure -> Future.failedFuture(failure instanceof BankIdCredentialsException problem
        ? configProblem(problem) : failure))
      .map(credentials -> {
        checkExpiry(credentials, clock.instant());
        LOG.info("BankID: {} at {}, RP certificate {} valid until {}", environment(url), url, credentials.subject(),
          credentials.notAfter());
        return BankIdClient.create(vertx, options(url, credentials, policies, clock));
      });
  }

  private static BankIdClientOptions options(URI url, BankIdCredentials credentials, List<String> policies,
                                             Clock clock) {
    return BankIdClientOptions.builder(url, credentials, clock).defaultCertificatePolicies(policies).build();
  }

  private static List<String> certificatePolicies(AppConfig config) {
    List<String> policies = config.list(Setting.BANKID_CERTIFICATE_POLICIES);
    try {
      return Requirement.builder().certificatePolicies(policies).build().certificatePolicies();
    } catch (InvalidRequestException e) {
      throw new ConfigException(Setting.BANKID_CERTIFICATE_POLICIES.name(),
        "must be comma-separated object identifiers such as 1.2.752.78.1.5");
    }
  }

  private static URI https(URI url) {
    if (!"https".equals(url.getScheme())) {
      throw new ConfigException(Setting.BANKID_URL.name(), "must be an https URL (BankID requires mutual TLS)");
    }
    return url;
  }

  private static ConfigException missing(AppConfig config, Setting setting) {
    config.required(setting);
    return new ConfigException(setting.name(), "is required");
  }

  private static ConfigException configProblem(BankIdCredentialsException problem) {
    Setting setting;
    switch (problem.problem()) {
      case RP_CERTIFICATE_PASSWORD:
        setting = Setting.BANKID_RP_CERT_PASSWORD;
        break;
      case TRUSTED_CA:
        setting = Setting.BANKID_CA;
        break;
      default:
        setting = Setting.BANKID_RP_CERT;
    }
    return new ConfigException(setting.name(), problem.getMessage());
  }

  private static void checkExpiry(BankIdCredentials credentials, Instant now) {
    if (credentials.notAfter().isBefore(now)) {
      throw new ConfigException(Setting.BANKID_RP_CERT.name(),
        "the RP certificate expired on " + credentials.notAfter() + "; BankID will refuse every call");
    }
    if (credentials.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
      LOG.warn("BankID: the RP certificate expires on {}; order a new one now", credentials.notAfter());
    }
  }

  private static String environment(URI url) {
    switch (url.getHost()) {
      case "appapi2.bankid.com":
        return "BankID production";
      case "appapi2.test.bankid.com":
        return "BankID's test environment";
      default:
        return "a BankID-compatible service";
    }
  }
}
