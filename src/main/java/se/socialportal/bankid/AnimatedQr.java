package se.socialportal.bankid;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The animated QR code of one order: {@code bankid.<qrStartToken>.<qrTime>.<HMAC-SHA256(qrStartSecret, qrTime)>},
 * where qrTime is the whole seconds since the order was started. Show a new payload every second.
 *
 * <p>The secret stays on the server: anyone holding it can produce valid QR codes for the order. {@link #toString()}
 * leaves it out; the one accessor, {@link #secretForServerSideStorage()}, exists so a relying party running several
 * instances can keep it in its own database and draw frames on whichever instance the browser reaches.
 */
public final class AnimatedQr {

  private static final String ALGORITHM = "HmacSHA256";

  private final String qrStartToken;
  private final String qrStartSecret;
  private final Instant startedAt;

  /** @param startedAt when the start response arrived; qrTime counts from here */
  public AnimatedQr(String qrStartToken, String qrStartSecret, Instant startedAt) {
    this.qrStartToken = Fields.required("qrStartToken", qrStartToken);
    this.qrStartSecret = Fields.required("qrStartSecret", qrStartSecret);
    this.startedAt = startedAt;
  }

  public String qrStartToken() {
    return qrStartToken;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** For the relying party's own server-side storage only — never send it to a browser or write it to a log. */
  public String secretForServerSideStorage() {
    return qrStartSecret;
  }

  /** The payload to show at {@code now}. */
  public String payloadAt(Instant now) {
    return payload(qrTime(now));
  }

  /** Whole seconds since the start, never negative (a clock that stepped back shows the first frame). */
  public long qrTime(Instant now) {
    return Math.max(0, Duration.between(startedAt, now).getSeconds());
  }

  public String payload(long qrTime) {
    return payload(qrStartToken, qrStartSecret, qrTime);
  }

  /** The published algorithm (BankID's test vectors are in the unit tests). */
  public static String payload(String qrStartToken, String qrStartSecret, long qrTime) {
    return "bankid." + qrStartToken + "." + qrTime + "." + authCode(qrStartSecret, qrTime);
  }

  /** The 64 lowercase hex characters of HMAC-SHA256(key = qrStartSecret, message = qrTime as decimal). */
  public static String authCode(String qrStartSecret, long qrTime) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(qrStartSecret.getBytes(StandardCharsets.US_ASCII), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(Long.toString(qrTime).getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "AnimatedQr[qrStartToken=" + qrStartToken + ", startedAt=" + startedAt + "]";
  }
}
