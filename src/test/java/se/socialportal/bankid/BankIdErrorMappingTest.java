package se.socialportal.bankid;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.socialportal.testing.TestClock;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bankid.SimulatorFixture.resource;
import static se.socialportal.testing.Futures.await;
import static se.socialportal.testing.Futures.failureOf;

@DisplayName("Every BankID error answer becomes a typed failure with the right user message; only maintenance is retried")
class BankIdErrorMappingTest {

  private static final String ORDER = "131daac9-16c6-4618-beb0-365768f37288";
  private static io.vertx.core.Vertx vertx;
  private static StubBankId stub;
  private static BankIdClient client;
  private static TestClock clock;

  @BeforeAll
  static void start() {
    vertx = io.vertx.core.Vertx.vertx();
    stub = new StubBankId(vertx);
    clock = TestClock.stopped(TestClock.START);
    BankIdCredentials credentials = BankIdCredentials.of(resource("/bankid/simulator/rp.p12"), "qwerty123",
      resource("/bankid/simulator/ca.pem"));
    client = BankIdClient.create(vertx, BankIdClientOptions.builder(stub.baseUrl(), credentials, clock)
      .maintenanceBackoff(Duration.ofMillis(1))
      .defaultCertificatePolicies(List.of("1.2.3.4.25")).build());
  }

  @AfterAll
  static void stop() {
    await(vertx.close());
  }

  @ParameterizedTest(name = "HTTP {0} {1} → {2}, {3}")
  @CsvSource({
    "400, alreadyInProgress,    ALREADY_IN_PROGRESS,    RFA4",
    "400, invalidParameters,    INVALID_PARAMETERS,     RFA5",
    "401, unauthorized,         UNAUTHORIZED,           RFA5",
    "403, unauthorized,         UNAUTHORIZED,           RFA5",
    "404, notFound,             NOT_FOUND,              RFA5",
    "405, methodNotAllowed,     METHOD_NOT_ALLOWED,     RFA5",
    "408, requestTimeout,       REQUEST_TIMEOUT,        RFA5",
    "415, unsupportedMediaType, UNSUPPORTED_MEDIA_TYPE, RFA5",
    "500, internalError,        INTERNAL_ERROR,         RFA5",
    "503, maintenance,          MAINTENANCE,            RFA5",
    "400, brandNewErrorCode,    UNKNOWN,                RFA22",
  })
  @DisplayName("BankID's JSON error bodies")
  void jsonErrors(int status, String errorCode, ErrorCode expected, UserMessage message) {
    stub.answer(StubBankId.error(status, errorCode, "details from BankID"));
    BankIdException failure = failAuth();
    assertEquals(expected, failure.errorCode());
    assertEquals(errorCode, failure.rawErrorCode());
    assertEquals(status, failure.httpStatus());
    assertEquals("details from BankID", failure.details());
    assertEquals(message, failure.userMessage());
    assertEquals("/auth", failure.endpoint());
    assertEquals(expected == ErrorCode.MAINTENANCE ? 3 : 1, stub.requests(),
      "maintenance is retried twice, everything else never");
  }

  @ParameterizedTest(name = "HTTP {0} with a non-JSON body → {1}")
  @CsvSource({
    "503, MAINTENANCE",
    "502, UNKNOWN",
    "400, UNKNOWN",
    "403, UNAUTHORIZED",
    "404, NOT_FOUND",
  })
  @DisplayName("answers without BankID's error body fall back to the HTTP status")
  void nonJsonErrors(int status, ErrorCode expected) {
    stub.answer(new StubBankId.Answer(status, "text/html", "<html><body>Bad gateway\n</body></html>"));
    BankIdException failure = failAuth();
    assertEquals(expected, failure.errorCode());
    assertNull(failure.rawErrorCode());
    assertEquals(status, failure.httpStatus());
    assertTrue(failure.details().contains("Bad gateway"), failure.details());
  }

  @Test
  @DisplayName("maintenance twice then success: the caller never notices")
  void maintenanceRecovers() {
    stub.answer(StubBankId.error(503, "maintenance", "later"), StubBankId.error(503, "maintenance", "later"),
      StubBankId.json(200, "{\"orderRef\":\"" + ORDER + "\"}"));
    assertEquals(ORDER, await(client.phoneAuth(PhoneAuthRequest.of("191212121212", CallInitiator.RP))).orderRef());
    assertEquals(3, stub.requests());
  }

  @Test
  @DisplayName("internalError and requestTimeout are not retried")
  void noRetryWhereBankIdSaysNot() {
    stub.answer(StubBankId.error(500, "internalError", "x"), StubBankId.json(200, "{}"));
    assertEquals(ErrorCode.INTERNAL_ERROR, assertInstanceOf(BankIdException.class,
      failureOf(client.cancel(ORDER))).errorCode());
    assertEquals(1, stub.requests());
    stub.answer(StubBankId.error(408, "requestTimeout", "x"), StubBankId.json(200, "{}"));
    assertEquals(ErrorCode.REQUEST_TIMEOUT, assertInstanceOf(BankIdException.class,
      failureOf(client.cancel(ORDER))).errorCode());
    assertEquals(1, stub.requests());
  }

  @Test
  @DisplayName("personal numbers in BankID's details are redacted from the exception")
  void detailsRedacted() {
    stub.answer(StubBankId.error(400, "alreadyInProgress", "Order in progress for 191212121212"));
    BankIdException failure = failAuth();
    assertFalse(failure.getMessage().contains("191212121212"), failure.getMessage());
    assertFalse(failure.details().contains("191212121212"), failure.details());
  }

  @Test
  @DisplayName("requests carry Content-Type application/json exactly and the default certificate policies")
  void exactContentType() {
    stub.answer(StubBankId.json(200, "{\"orderRef\":\"o\",\"autoStartToken\":\"a\",\"qrStartToken\":\"q\","
      + "\"qrStartSecret\":\"s\"}"));
    OrderStart start = await(client.auth(AuthRequest.builder("192.0.2.1").build()));
    assertEquals("o", start.orderRef());
    assertEquals(List.of("application/json"), stub.contentTypes);
    assertEquals(List.of("/rp/v6.0/auth"), stub.paths);
  }

  @Test
  @DisplayName("unknown hint codes in collect are tolerated")
  void unknownHintCode() {
    stub.answer(StubBankId.json(200, "{\"orderRef\":\"" + ORDER + "\",\"status\":\"pending\",\"hintCode\":\"userThinks\"}"));
    clock.advance(Duration.ofSeconds(10));
    CollectResult result = await(client.collect(ORDER));
    assertEquals(HintCode.UNKNOWN, result.hintCode());
    assertEquals("userThinks", result.rawHintCode());
    assertEquals(UserMessage.RFA21, result.userMessage(Flow.SAME_DEVICE_MOBILE).orElseThrow());
  }

  @Test
  @DisplayName("a 200 that is not what BankID sends is a typed failure, not a crash")
  void malformedSuccess() {
    stub.answer(StubBankId.json(200, "[1,2]"));
    assertEquals(ErrorCode.UNKNOWN, failAuth().errorCode());
    stub.answer(StubBankId.json(200, "{\"orderRef\":\"o\",\"autoStartToken\":\"a\",\"qrStartToken\":\"q\"}"));
    BankIdException missingSecret = failAuth();
    assertEquals(ErrorCode.UNKNOWN, missingSecret.errorCode());
    assertEquals(200, missingSecret.httpStatus());
  }

  @Test
  @DisplayName("an orderRef that cannot be BankID's is refused without a call")
  void badOrderRef() {
    stub.answer(StubBankId.json(200, "{}"));
    assertInstanceOf(InvalidRequestException.class, failureOf(client.collect("../../auth")));
    assertInstanceOf(InvalidRequestException.class, failureOf(client.cancel(null)));
    assertEquals(0, stub.requests());
  }

  private static BankIdException failAuth() {
    return assertInstanceOf(BankIdException.class,
      failureOf(client.auth(AuthRequest.builder("192.0.2.1").build())));
  }
}
