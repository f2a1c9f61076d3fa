package se.socialportal.bankid;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.testing.Futures.await;

@DisplayName("The real client against the simulator over mutual TLS: every endpoint through to completion")
class BankIdClientSimulatorTest {

  private static final String TOLVAN = "191212121212";
  private static SimulatorFixture fixture;
  private static X509Certificate simulatorCa;

  @BeforeAll
  static void start() throws Exception {
    fixture = new SimulatorFixture();
    simulatorCa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
      new ByteArrayInputStream(SimulatorFixture.resource("/bankid/simulator/ca.pem").getBytes()));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("auth by QR: outstandingTransaction → scanned (userSign) → complete with verifiable completion data")
  void authWithQrCode() throws Exception {
    String text = "Logga in på Socialportalen <b>inte HTML</b>";
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.44")
      .userVisibleData(UserVisibleData.plainText(text)).build()));
    assertNotNull(start.orderRef());
    assertNotNull(start.autoStartToken());

    CollectResult waiting = collectLater(start.orderRef());
    assertEquals(CollectStatus.PENDING, waiting.status());
    assertEquals(HintCode.OUTSTANDING_TRANSACTION, waiting.hintCode());

    JsonObject opened = fixture.controlPost("orders/open",
      new JsonObject().put("qrData", start.qr().payloadAt(fixture.clock.instant()))).bodyAsJsonObject();
    assertEquals(text, opened.getString("userVisibleData"));
    assertEquals(HintCode.USER_SIGN, collectLater(start.orderRef()).hintCode());

    assertEquals(200, fixture.controlPost("orders/" + start.orderRef() + "/complete",
      new JsonObject().put("identityId", "tolvan")).statusCode());
    CollectResult done = collectLater(start.orderRef());
    assertTrue(done.isComplete());
    CompletionData data = done.completionData();
    assertEquals(TOLVAN, data.user().personalNumber());
    assertEquals("Tolvan Tolvansson", data.user().name());
    assertEquals("Tolvan", data.user().givenName());
    assertEquals("Tolvansson", data.user().surname());
    assertEquals("192.0.2.44", data.device().ipAddress());
    assertNotNull(data.device().uhi());
    assertEquals(LocalDate.of(2020, 3, 14), data.bankIdIssueDate());
    assertFalse(data.stepUp().mrtd());
    assertNull(data.risk(), "no risk unless returnRisk");

    Element signed = XmlSignatures.verify(data.signatureXml(), simulatorCa);
    assertEquals(text, decode(XmlSignatures.text(signed, "usrVisibleData")));
    assertEquals("Identification", XmlSignatures.text(signed, "funcId"));
    verifyCertificateStatement(data.ocspResponse(), start.orderRef());
  }

  @Test
  @DisplayName("sign by autostart token with userNonVisibleData, a personal number requirement and returnRisk")
  void signWithAutostart() throws Exception {
    String text = "# Ansökan om försörjningsstöd\n\nJag intygar att uppgifterna är riktiga.";
    OrderStart start = await(fixture.client.sign(SignRequest.builder("2001:db8::7",
        UserVisibleData.simpleMarkdown(text))
      .userNonVisibleData(UserNonVisibleData.ofText("application-sha256:abc"))
      .requirement(Requirement.builder().personalNumber(TOLVAN).build())
      .returnRisk(true).build()));
    fixture.controlPost("orders/open", new JsonObject().put("autoStartToken", start.autoStartToken()));
    assertEquals(409, fixture.controlPost("orders/" + start.orderRef() + "/complete",
      new JsonObject().put("identityId", "testa")).statusCode(), "only the required person may sign");
    fixture.controlPost("orders/" + start.orderRef() + "/complete", new JsonObject().put("identityId", "tolvan"));

    CompletionData data = collectLater(start.orderRef()).completionData();
    assertEquals(RiskLevel.LOW, data.risk());
    Element signed = XmlSignatures.verify(data.signatureXml(), simulatorCa);
    assertEquals(text, decode(XmlSignatures.text(signed, "usrVisibleData")));
    assertEquals("application-sha256:abc", decode(XmlSignatures.text(signed, "usrNonVisibleData")));
    assertEquals("Signing", XmlSignatures.text(signed, "funcId"));
  }

  @Test
  @DisplayName("phone/auth: the order is pushed to the person's app, opened there and completed")
  void phoneAuth() {
    PhoneOrderStart start = await(fixture.client.phoneAuth(PhoneAuthRequest.of("198001019804", CallInitiator.RP)));
    assertEquals(HintCode.OUTSTANDING_TRANSACTION, collectLater(start.orderRef()).hintCode());
    JsonObject opened = fixture.controlPost("orders/open", new JsonObject().put("identityId", "testa"))
      .bodyAsJsonObject();
    assertEquals(start.orderRef(), opened.getString("orderRef"));
    assertTrue(opened.getBoolean("phone"));
    fixture.controlPost("orders/" + start.orderRef() + "/complete", new JsonObject().put("identityId", "testa"));
    CompletionData data = collectLater(start.orderRef()).completionData();
    assertEquals("198001019804", data.user().personalNumber());
    assertEquals("127.0.0.1", data.device().ipAddress(), "phone orders have no endUserIp: the app's address");
  }

  @Test
  @DisplayName("phone/sign: the signature carries the text")
  void phoneSign() throws Exception {
    PhoneOrderStart start = await(fixture.client.phoneSign(
      PhoneSignRequest.of("199207049843", CallInitiator.USER, UserVisibleData.plainText("Jag godkänner beslutet."))));
    fixture.controlPost("orders/" + start.orderRef() + "/complete", new JsonObject().put("identityId", "demo"));
    Element signed = XmlSignatures.verify(collectLater(start.orderRef()).completionData().signatureXml(), simulatorCa);
    assertEquals("Jag godkänner beslutet.", decode(XmlSignatures.text(signed, "usrVisibleData")));
  }

  @Test
  @DisplayName("cancel: the order fails with cancelled (RFA3) and can no longer be completed")
  void cancel() {
    OrderStart start = await(fixture.client.auth(AuthRequest.builder("192.0.2.1").build()));
    collectLater(start.orderRef());
    await(fixture.client.cancel(start.orderRef()));
    CollectResult result = await(fixture.client.collect(start.orderRef()));
    assertEquals(CollectStatus.FAILED, result.status());
    assertEquals(HintCode.CANCELLED, result.hintCode());
    assertEquals(UserMessage.RFA3, result.userMessage(Flow.QR_CODE).orElseThrow());
    assertEquals(409, fixture.controlPost("orders/" + start.orderRef() + "/complete",
      new JsonObject().put("identityId", "tolvan")).statusCode());
  }

  /** Collect after the two-second throttle window, so every call reaches the simulator. */
  private static CollectResult collectLater(String orderRef) {
    fixture.clock.advance(Duration.ofSeconds(2));
    return await(fixture.client.collect(orderRef));
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static void verifyCertificateStatement(String ocspResponse, String orderRef) throws Exception {
    JsonObject envelope = new JsonObject(decode(ocspResponse));
    assertTrue(envelope.getString("notice").contains("NOT an OCSP response"));
    byte[] statement = Base64.getDecoder().decode(envelope.getString("statement"));
    X509Certificate responder = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
      new ByteArrayInputStream(Base64.getDecoder().decode(envelope.getString("responderCertificate"))));
    responder.verify(simulatorCa.getPublicKey());
    Signature verifier = Signature.getInstance(envelope.getString("signatureAlgorithm"));
    verifier.initVerify(responder);
    verifier.update(statement);
    assertTrue(verifier.verify(Base64.getDecoder().decode(envelope.getString("signature"))));
    JsonObject parsed = new JsonObject(new String(statement, StandardCharsets.UTF_8));
    assertEquals("good", parsed.getString("status"));
    assertEquals(orderRef, parsed.getString("orderRef"));
  }
}
