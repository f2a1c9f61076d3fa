package se.socialportal.robot;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.attachment.AttachmentRules;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The stickprov draw (docs/sources.md#likabehandling-and-stickprov). Its only inputs are the tenant's secret seed, the
 * application id and the tenant's rate: the channel, the household and the amounts cannot influence it, so a digital,
 * paper or assisted application is drawn alike (likställighetsprincipen, 2 kap. 3 § KL), and the draw can be recomputed
 * and shown to anyone who asks how an application was picked. Without the seed nobody can predict or steer it.
 *
 * <p>value = the first 8 bytes of HMAC-SHA256(seed, application id) as an unsigned number, scaled onto [0, 100) and cut
 * to four decimals; sampled exactly when value &lt; percent.
 */
public final class Stickprov {

  // Looking up the provider is most of an HMAC's cost; a Mac is not thread-safe, so one per thread (init resets it).
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  });

  /** How long the household has to send the documents. */
  static final Duration DOCUMENT_DEADLINE = Duration.ofDays(14);
  private static final BigDecimal TWO_TO_64 = new BigDecimal("18446744073709551616");

  /**
   * @param value     the drawn number in [0, 100)
   * @param reason    why, in Swedish: rate and value
   * @param items     sampled only: the documents asked for, as the e-tjänst's attachment categories
   */
  public record Draw(BigDecimal value, BigDecimal percent, String ruleVersion, boolean sampled, String reason,
                     List<String> items) {
    public Draw {
      items = List.copyOf(items);
    }

    public JsonArray itemsJson() {
      return new JsonArray(new ArrayList<Object>(items));
    }
  }

  private Stickprov() {
  }

  public static BigDecimal value(byte[] seed, UUID applicationId) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(seed, "HmacSHA256"));
      byte[] digest = mac.doFinal(ByteBuffer.allocate(16).putLong(applicationId.getMostSignificantBits())
        .putLong(applicationId.getLeastSignificantBits()).array());
      BigDecimal unsigned = new BigDecimal(new java.math.BigInteger(1, java.util.Arrays.copyOf(digest, 8)));
      return unsigned.multiply(BigDecimal.valueOf(100)).divide(TWO_TO_64, 4, RoundingMode.DOWN);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  public static Draw draw(byte[] seed, UUID applicationId, BigDecimal percent, String ruleVersion) {
    return draw(seed, applicationId, percent, ruleVersion, null);
  }

  /** The draw and, when it picks the case, the documents to ask for. */
  public static Draw draw(byte[] seed, UUID applicationId, BigDecimal percent, String ruleVersion, CaseFile file) {
    BigDecimal value = value(seed, applicationId);
    boolean sampled = value.compareTo(percent) < 0;
    String reason = "slumptal " + value.toPlainString() + " " + (sampled ? "<" : "≥") + " kommunens stickprovsandel "
      + percent.stripTrailingZeros().toPlainString() + " % (" + ruleVersion + ")";
    return new Draw(value, percent, ruleVersion, sampled, reason, sampled && file != null ? documents(file) : List.of());
  }

  /**
   * What a sampled household is asked to send: the e-tjänst's attachment rules with the stickprov flag
   * (AttachmentRules: kontoutdrag for every adult, the housing cost, a receipt for every cost), less what those rules
   * already required with the submission (first application, new or higher costs) — that is with the case already.
   */
  static List<String> documents(CaseFile file) {
    CaseFile.Application application = file.application();
    JsonObject previous = file.lastMonth().map(CaseFile.EarlierApplication::content).orElse(null);
    return AttachmentRules.required(new AttachmentRules.Facts(application.kind(), application.content(), previous, true))
      .stream().filter(requirement -> "stickprov".equals(requirement.reason()))
      .map(AttachmentRules.Requirement::id).toList();
  }

  static String requestMessage() {
    return "Din ansökan har valts ut till stickprovskontroll. Alla ansökningar kan väljas ut, oavsett hur de har "
      + "lämnats in. Skicka kontoutdrag för alla konton och underlag för de kostnader du har sökt för (till exempel "
      + "hyresavi och kvitton). Ansökan handläggs som vanligt när underlagen har kommit in.";
  }
}
