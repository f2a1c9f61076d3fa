package se.socialportal.bankid;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Animated QR code: BankID's published test vectors and the SVG rendering")
class BankIdQrTest {

  private static final String TOKEN = "67df3917-fa0d-44e5-b327-edcc928297f8";
  private static final String SECRET = "d28db9a7-4cde-429e-a983-359be676944c";

  @Test
  @DisplayName("qrAuthCode for t = 0, 1, 2 matches BankID's vectors")
  void officialVectors() {
    assertEquals("dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8", AnimatedQr.authCode(SECRET, 0));
    assertEquals("949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2", AnimatedQr.authCode(SECRET, 1));
    assertEquals("a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3", AnimatedQr.authCode(SECRET, 2));
  }

  @Test
  @DisplayName("the full payload for t = 0")
  void fullPayload() {
    assertEquals("bankid.67df3917-fa0d-44e5-b327-edcc928297f8.0."
      + "dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8", AnimatedQr.payload(TOKEN, SECRET, 0));
  }

  @Test
  @DisplayName("qrTime counts whole seconds since the start response and never goes negative")
  void qrTimeFromTheStart() {
    Instant start = Instant.parse("2026-11-20T09:00:00Z");
    AnimatedQr qr = new AnimatedQr(TOKEN, SECRET, start);
    assertEquals(AnimatedQr.payload(TOKEN, SECRET, 0), qr.payloadAt(start.plusMillis(999)));
    assertEquals(AnimatedQr.payload(TOKEN, SECRET, 2), qr.payloadAt(start.plus(Duration.ofMillis(2500))));
    assertEquals(0, qr.qrTime(start.minusSeconds(5)));
  }

  @Test
  @DisplayName("the secret does not leak through toString of the QR or the start answer")
  void secretNeverPrinted() {
    AnimatedQr qr = new AnimatedQr(TOKEN, SECRET, Instant.EPOCH);
    OrderStart start = new OrderStart("order-1", "auto-1", qr);
    assertFalse(qr.toString().contains(SECRET), qr.toString());
    assertFalse(start.toString().contains(SECRET), start.toString());
    assertTrue(start.toString().contains(TOKEN));
  }

  @Test
  @DisplayName("the SVG is one path on a white background, with an accessible name and no script")
  void svg() {
    String svg = QrSvg.render(AnimatedQr.payload(TOKEN, SECRET, 0), "QR-kod för \"BankID\"");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertEquals(1, svg.split("<path", -1).length - 1, "exactly one path");
    assertTrue(svg.contains("aria-label=\"QR-kod för &quot;BankID&quot;\""), svg);
    assertFalse(svg.contains("<script") || svg.contains("style"), svg);
    assertTrue(svg.matches("(?s).*d=\"(M\\d+ \\d+h\\d+v1h-\\d+z)+\".*"), "the path is only module rectangles");
  }
}
