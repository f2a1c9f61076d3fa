package se.socialportal.bankid;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.testing.Futures.await;
import static se.socialportal.testing.Futures.failureOf;

@DisplayName("The simulator behaves like BankID: state machine, time limits, QR checks and request validation")
class BankIdSimulatorStateTest {

  private static final String TOLVAN = "191212121212";
  private static SimulatorFixture fixture;
  private static WebClient raw;

  @BeforeAll
  static void start() {
    fixture = new SimulatorFixture();
    raw = fixture.rawClient("/bankid/simulator/rp.p12");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("a second order for the same person: alreadyInProgress (400, RFA4), and the first is cancelled")
  void alreadyInProgress() {
    Requirement tolvan = Requirement.builder().personalNumber(TOLVAN).build();
    OrderStart first = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").requirement(tolvan).build()));
    BankIdException second = assertInstanceOf(BankIdException.class, failureOf(fixture.client.sign(
      SignRequest.builder("192.0.2.1", UserVisibleData.plainText("x")).requirement(tolvan).build())));
    assertEquals(ErrorCode.ALREADY_IN_PROGRESS, second.errorCode());
    assertEquals(400, second.httpStatus());
    assertEquals(UserMessage.RFA4, second.userMessage());
    assertEquals(HintCode.CANCELLED, collect(first.orderRef()).hintCode());
  }

  @Test
  @DisplayName("an opened order that is not finished expires after three minutes (expiredTransaction, RFA8)")
  void expiry() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.controlPost("orders/open", new JsonObject().put("autoStartToken", start.autoStartToken()));
    fixture.clock.advance(Duration.ofMinutes(3).minusSeconds(3));
    assertEquals(HintCode.USER_SIGN, collect(start.orderRef()).hintCode());
    CollectResult expired = collect(start.orderRef());
    assertEquals(CollectStatus.FAILED, expired.status());
    assertEquals(HintCode.EXPIRED_TRANSACTION, expired.hintCode());
    assertEquals(UserMessage.RFA8, expired.userMessage(Flow.QR_CODE).orElseThrow());
  }

  @Test
  @DisplayName("a QR/autostart order nobody opens within 30 s fails with startFailed (RFA17, QR variant)")
  void startFailed() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.clock.advance(Duration.ofSeconds(27));
    assertEquals(HintCode.OUTSTANDING_TRANSACTION, collect(start.orderRef()).hintCode());
    CollectResult failed = collect(start.orderRef());
    assertEquals(HintCode.START_FAILED, failed.hintCode());
    assertTrue(failed.userMessage(Flow.QR_CODE).orElseThrow().swedish(Flow.QR_CODE).contains("QR-koden"));
    assertEquals(409, fixture.controlPost("orders/open", new JsonObject().put("autoStartToken",
      start.autoStartToken())).statusCode(), "too late to open");
  }

  @Test
  @DisplayName("phone orders have no start limit, only the lifetime")
  void phoneOrderLifetime() {
    PhoneOrderStart start = await(fixture.client.phoneAuth(PhoneAuthRequest.of("199207049843", CallInitiator.RP)));
    fixture.clock.advance(Duration.ofMinutes(1));
    assertEquals(CollectStatus.PENDING, collect(start.orderRef()).status());
    fixture.clock.advance(Duration.ofMinutes(2));
    assertEquals(HintCode.EXPIRED_TRANSACTION, collect(start.orderRef()).hintCode());
  }

  @Test
  @DisplayName("the control API moves an order: userSign, userMrtd, an unknown pending hint, certificateErr, userCancel")
  void controlApiTransitions() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    String order = "orders/" + start.orderRef();
    fixture.controlPost(order + "/progress", new JsonObject().put("hintCode", "userSign"));
    assertEquals(HintCode.USER_SIGN, collect(start.orderRef()).hintCode());
    fixture.controlPost(order + "/progress", new JsonObject().put("hintCode", "userMrtd"));
    assertEquals(UserMessage.RFA23, collect(start.orderRef()).userMessage(Flow.QR_CODE).orElseThrow());
    fixture.controlPost(order + "/progress", new JsonObject().put("hintCode", "brandNewHint"));
    CollectResult unknown = collect(start.orderRef());
    assertEquals(HintCode.UNKNOWN, unknown.hintCode());
    assertEquals("brandNewHint", unknown.rawHintCode());
    fixture.controlPost(order + "/fail", new JsonObject().put("hintCode", "certificateErr"));
    assertEquals(UserMessage.RFA16, collect(start.orderRef()).userMessage(Flow.QR_CODE).orElseThrow());
    assertEquals(409, fixture.controlPost(order + "/fail", new JsonObject().put("hintCode", "startFailed"))
      .statusCode(), "a failed order stays failed");

    OrderStart other = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.controlPost("orders/" + other.orderRef() + "/fail", new JsonObject().put("hintCode", "startFailed"));
    assertEquals(HintCode.START_FAILED, collect(other.orderRef()).hintCode());

    OrderStart third = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.controlPost("orders/" + third.orderRef() + "/cancel", new JsonObject());
    CollectResult cancelled = collect(third.orderRef());
    assertEquals(HintCode.USER_CANCEL, cancelled.hintCode());
    assertEquals(UserMessage.RFA6, cancelled.userMessage(Flow.QR_CODE).orElseThrow());
  }

  @Test
  @DisplayName("QR frames: the current one opens the order, a stale, forged or future one is rejected")
  void qrFreshness() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.clock.advance(Duration.ofSeconds(15));
    assertEquals("qrExpired", openQr(start.qr().payload(0)).getString("error"));
    assertEquals("qrInvalid", openQr(start.qr().payload(30)).getString("error"), "a frame from the future");
    String current = start.qr().payloadAt(fixture.clock.instant());
    String forged = current.substring(0, current.length() - 1) + (current.endsWith("0") ? "1" : "0");
    assertEquals("qrInvalid", openQr(forged).getString("error"));
    assertEquals("qrInvalid", openQr("bankid.not-a-token.1.abc").getString("error"));
    JsonObject opened = openQr(current);
    assertEquals(start.orderRef(), opened.getString("orderRef"));
    assertEquals("userSign", opened.getString("hintCode"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "{}",
    "{\"endUserIp\":\"not-an-ip\"}",
    "{\"endUserIp\":12345}",
    "{\"endUserIp\":\"192.0.2.1\",\"userVisibleData\":\"not base64!\"}",
    "{\"endUserIp\":\"192.0.2.1\",\"userVisibleData\":\"SGVq\",\"userVisibleDataFormat\":\"html\"}",
    "{\"endUserIp\":\"192.0.2.1\",\"requirement\":{\"personalNumber\":\"191212121213\"}}",
    "{\"endUserIp\":\"192.0.2.1\",\"requirement\":{\"cardReader\":\"class9\"}}",
    "{\"endUserIp\":\"192.0.2.1\",\"requirement\":{\"certificatePolicies\":\"1.2.3\"}}",
    "{\"endUserIp\":\"192.0.2.1\",\"returnUrl\":\"relative/path\"}",
    "{\"endUserIp\":\"192.0.2.1\",\"web\":{\"userAgent\":\"\"}}",
    "not json at all",
    "[1,2,3]",
  })
  @DisplayName("malformed auth requests are invalidParameters (400)")
  void invalidAuthRequests(String body) {
    assertInvalid("/auth", body);
  }

  @Test
  @DisplayName("more invalidParameters: oversized text, sign without text, phone without callInitiator, unknown orders")
  void invalidOtherRequests() {
    assertInvalid("/auth", "{\"endUserIp\":\"192.0.2.1\",\"userVisibleData\":\"" + "QUFB".repeat(400) + "\"}");
    assertInvalid("/sign", "{\"endUserIp\":\"192.0.2.1\"}");
    assertInvalid("/phone/auth", "{\"personalNumber\":\"" + TOLVAN + "\"}");
    assertInvalid("/phone/sign", "{\"personalNumber\":\"" + TOLVAN + "\",\"callInitiator\":\"RP\"}");
    assertInvalid("/collect", "{\"orderRef\":\"00000000-0000-0000-0000-000000000000\"}");
    assertInvalid("/cancel", "{\"orderRef\":\"00000000-0000-0000-0000-000000000000\"}");
    assertInvalid("/collect", "{}");
  }

  @Test
  @DisplayName("415 for a Content-Type with a charset, 405 for GET, 404 for unknown paths")
  void transportErrors() {
    HttpResponse<Buffer> charset = await(raw.postAbs(fixture.rpUrl("/auth"))
      .putHeader("Content-Type", "application/json; charset=UTF-8")
      .sendBuffer(Buffer.buffer("{\"endUserIp\":\"192.0.2.1\"}")));
    assertError(charset, 415, "unsupportedMediaType");
    assertError(await(raw.getAbs(fixture.rpUrl("/auth")).send()), 405, "methodNotAllowed");
    assertError(post("/nothing", "{}"), 404, "notFound");
    assertError(await(raw.postAbs(fixture.rpUrl("").replace("v6.0", "v5.1") + "/auth")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}"))), 404, "notFound");
  }

  @Test
  @DisplayName("a finished order is forgotten after the retention time: collect is then invalidParameters")
  void finishedOrdersAreForgotten() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    fixture.controlPost("orders/" + start.orderRef() + "/complete", new JsonObject().put("identityId", "ylva"));
    assertTrue(collect(start.orderRef()).isComplete());
    fixture.clock.advance(Duration.ofMinutes(3));
    BankIdException gone = assertInstanceOf(BankIdException.class, failureOf(fixture.client.collect(start.orderRef())));
    assertEquals(ErrorCode.INVALID_PARAMETERS, gone.errorCode());
  }

  @Test
  @DisplayName("control API: identities, unknown identity or order, JSON only")
  void controlApiEdges() {
    JsonObject identities = fixture.controlGet("identities").bodyAsJsonObject();
    assertEquals(5, identities.getJsonArray("identities").size());
    JsonObject signe = identities.getJsonArray("identities").getJsonObject(2);
    assertEquals("signe", signe.getString("id"));
    assertTrue(signe.getBoolean("skyddadFolkbokforing"));
    for (Object identity : identities.getJsonArray("identities")) {
      assertTrue(PersonalNumbers.isValid(((JsonObject) identity).getString("personalNumber")));
    }
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    assertEquals(404, fixture.controlPost("orders/" + start.orderRef() + "/complete",
      new JsonObject().put("identityId", "nobody")).statusCode());
    assertEquals(404, fixture.controlGet("orders/00000000-0000-0000-0000-000000000000").statusCode());
    assertEquals(200, fixture.controlGet("orders/" + start.orderRef()).statusCode());
    assertEquals(415, await(fixture.control.post("/bankid-simulator/api/orders/" + start.orderRef() + "/cancel")
      .putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("{}"))).statusCode());
    assertEquals(404, fixture.controlGet("nothing").statusCode());
  }

  private static CollectResult collect(String orderRef) {
    fixture.clock.advance(Duration.ofSeconds(2));
    return await(fixture.client.collect(orderRef));
  }

  private static JsonObject openQr(String qrData) {
    return fixture.controlPost("orders/open", new JsonObject().put("qrData", qrData)).bodyAsJsonObject();
  }

  private static HttpResponse<Buffer> post(String endpoint, String body) {
    return await(raw.postAbs(fixture.rpUrl(endpoint)).putHeader("Content-Type", "application/json")
      .sendBuffer(Buffer.buffer(body)));
  }

  private static void assertInvalid(String endpoint, String body) {
    assertError(post(endpoint, body), 400, "invalidParameters");
  }

  private static void assertError(HttpResponse<Buffer> response, int status, String errorCode) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    assertEquals(errorCode, response.bodyAsJsonObject().getString("errorCode"));
  }
}
