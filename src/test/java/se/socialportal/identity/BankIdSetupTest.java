package se.socialportal.identity;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.ConfigLoader;
import se.socialportal.testing.TestClock;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("BankID configuration: a missing or wrong setting stops startup with one line naming the key")
class BankIdSetupTest {

  private static final TestClock CLOCK = TestClock.stopped(TestClock.START);
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("production without BANKID_RP_CERT")
  void productionNeedsCertificate() {
    assertProblem("BANKID_RP_CERT", production().put("BANKID_RP_CERT", ""));
  }

  @Test
  @DisplayName("production without BANKID_URL (no simulator outside demo mode)")
  void productionNeedsUrl() {
    assertProblem("BANKID_URL", production().put("BANKID_URL", ""));
  }

  @Test
  @DisplayName("production without a password or a CA")
  void productionNeedsPasswordAndCa() {
    assertProblem("BANKID_RP_CERT_PASSWORD", production().put("BANKID_RP_CERT_PASSWORD", ""));
    assertProblem("BANKID_CA", production().put("BANKID_CA", ""));
  }

  @Test
  @DisplayName("a wrong password names BANKID_RP_CERT_PASSWORD, never the password")
  void wrongPassword() {
    ConfigException problem = assertProblem("BANKID_RP_CERT_PASSWORD",
      production().put("BANKID_RP_CERT_PASSWORD", "hunter2-secret"));
    assertFalse(problem.getMessage().contains("hunter2-secret"), problem.getMessage());
  }

  @Test
  @DisplayName("a missing file, a file that is not PKCS#12, a CA file that is not PEM")
  void unreadableFiles() {
    assertProblem("BANKID_RP_CERT", production().put("BANKID_RP_CERT", "/nonexistent/rp.p12"));
    assertProblem("BANKID_RP_CERT", production().put("BANKID_RP_CERT", file("ca.pem")));
    assertProblem("BANKID_CA", production().put("BANKID_CA", file("rp.p12")));
  }

  @Test
  @DisplayName("plain http and malformed certificate policies")
  void malformedValues() {
    assertProblem("BANKID_URL", production().put("BANKID_URL", "http://appapi2.test.bankid.com/rp/v6.0"));
    assertProblem("BANKID_CERTIFICATE_POLICIES", production().put("BANKID_CERTIFICATE_POLICIES", "mobile,1.2.3"));
  }

  @Test
  @DisplayName("an RP certificate that has expired by the application's clock stops startup")
  void expiredCertificate() {
    // The bundled RP certificate is valid until November 2046.
    ConfigException problem = assertProblem("BANKID_RP_CERT", production(),
      TestClock.stopped(Instant.parse("2047-01-01T00:00:00Z")));
    assertTrue(problem.getMessage().contains("expired"), problem.getMessage());
  }

  @Test
  @DisplayName("a complete production configuration builds a client for that URL")
  void completeProduction() throws Exception {
    var client = BankIdSetup.connect(vertx, config(production()
        .put("BANKID_CERTIFICATE_POLICIES", "1.2.3.4.5, 1.2.3.4.25")), CLOCK)
      .await(20, TimeUnit.SECONDS);
    assertEquals("https://appapi2.test.bankid.com/rp/v6.0", client.baseUrl().toString());
    assertEquals(java.util.List.of("1.2.3.4.5", "1.2.3.4.25"), client.options().defaultCertificatePolicies());
  }

  private static JsonObject production() {
    return new JsonObject()
      .put("MODE", "production")
      .put("BANKID_URL", "https://appapi2.test.bankid.com/rp/v6.0/")
      .put("BANKID_RP_CERT", file("rp.p12"))
      .put("BANKID_RP_CERT_PASSWORD", "qwerty123")
      .put("BANKID_CA", file("ca.pem"));
  }

  private static AppConfig config(JsonObject overrides) {
    return new AppConfig(ConfigLoader.defaults().mergeIn(overrides));
  }

  private static ConfigException assertProblem(String key, JsonObject overrides) {
    return assertProblem(key, overrides, CLOCK);
  }

  private static ConfigException assertProblem(String key, JsonObject overrides, Clock clock) {
    Throwable failure;
    try {
      BankIdSetup.connect(vertx, config(overrides), clock).await(20, TimeUnit.SECONDS);
      throw new AssertionError("startup should have failed on " + key);
    } catch (Exception e) {
      failure = e;
    }
    ConfigException problem = assertInstanceOf(ConfigException.class, failure);
    assertEquals(key, problem.key(), problem.getMessage());
    assertTrue(problem.getMessage().startsWith(key + ": "), problem.getMessage());
    assertFalse(problem.getMessage().contains("\n"), "one line");
    return problem;
  }

  /** A bundled simulator credential as a file path (the classpath is a directory under Maven). */
  private static String file(String name) {
    try {
      return Path.of(BankIdSetupTest.class.getResource("/bankid/simulator/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
