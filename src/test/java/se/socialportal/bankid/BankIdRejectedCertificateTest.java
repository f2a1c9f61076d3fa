package se.socialportal.bankid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static se.socialportal.bankid.SimulatorFixture.resource;
import static se.socialportal.testing.Futures.failureOf;

@DisplayName("Certificates the simulator refuses, and a BankID that cannot be reached")
class BankIdRejectedCertificateTest {

  private static SimulatorFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("an RP certificate from an untrusted CA: the TLS handshake fails, a typed failure, nothing stored")
  void untrustedClientCertificate() {
    BankIdClient untrusted = client(fixture.verticle.baseUrl(), "/bankid/untrusted-rp.p12", "/bankid/simulator/ca.pem");
    BankIdException failure = assertInstanceOf(BankIdException.class,
      failureOf(untrusted.auth(AuthRequest.builder("192.0.2.1").build())));
    assertEquals(ErrorCode.CONNECTION_FAILED, failure.errorCode());
    assertEquals(0, failure.httpStatus());
    assertNull(failure.rawErrorCode());
    assertEquals(UserMessage.RFA5, failure.userMessage());
    assertEquals(0, fixture.simulator.rpRequestCount("/auth"), "no request got past the handshake");
    assertEquals(0, fixture.simulator.orderCount());
  }

  @Test
  @DisplayName("a certificate from the simulator CA that is not registered: 401 unauthorized, nothing stored")
  void unregisteredClientCertificate() {
    BankIdClient unregistered = client(fixture.verticle.baseUrl(), "/bankid/unregistered-rp.p12",
      "/bankid/simulator/ca.pem");
    BankIdException failure = assertInstanceOf(BankIdException.class,
      failureOf(unregistered.sign(SignRequest.builder("192.0.2.1", UserVisibleData.plainText("x")).build())));
    assertEquals(ErrorCode.UNAUTHORIZED, failure.errorCode());
    assertEquals(401, failure.httpStatus());
    assertEquals(UserMessage.RFA5, failure.userMessage());
    assertEquals(0, fixture.simulator.orderCount());
  }

  @Test
  @DisplayName("a server certificate the client does not trust: a typed connection failure")
  void untrustedServer() {
    BankIdClient distrustful = client(fixture.verticle.baseUrl(), "/bankid/simulator/rp.p12",
      "/bankid/untrusted-ca.pem");
    BankIdException failure = assertInstanceOf(BankIdException.class,
      failureOf(distrustful.collect("00000000-0000-0000-0000-000000000000")));
    assertEquals(ErrorCode.CONNECTION_FAILED, failure.errorCode());
  }

  @Test
  @DisplayName("nothing listening: a typed connection failure with RFA5")
  void unreachable() {
    BankIdClient nowhere = client("https://127.0.0.1:" + TestApp.freePort() + "/rp/v6.0", "/bankid/simulator/rp.p12",
      "/bankid/simulator/ca.pem");
    BankIdException failure = assertInstanceOf(BankIdException.class,
      failureOf(nowhere.cancel("00000000-0000-0000-0000-000000000000")));
    assertEquals(ErrorCode.CONNECTION_FAILED, failure.errorCode());
    assertEquals(UserMessage.RFA5, failure.userMessage());
  }

  private static BankIdClient client(String baseUrl, String pkcs12, String trustedCa) {
    BankIdCredentials credentials = BankIdCredentials.of(resource(pkcs12), "qwerty123", resource(trustedCa));
    return BankIdClient.create(fixture.vertx, BankIdClientOptions.builder(URI.create(baseUrl), credentials,
      fixture.clock).build());
  }
}
