package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/** Builds the completionData BankID returns for a completed order: who, from where, and the signed documents. */
final class Completions {

  private final SimulatorCredentials credentials;

  Completions(SimulatorCredentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Blocking (two RSA signatures): call on a worker.
   *
   * @param deviceAddress the user's device address: the order's endUserIp, or for phone orders (which have none)
   *                      the address the phone page was used from
   */
  JsonObject create(Order order, TestIdentity identity, String deviceAddress, Instant now) {
    String uhi = uniqueHardwareIdentifier(identity);
    JsonObject completion = new JsonObject()
      .put("user", new JsonObject()
        .put("personalNumber", identity.personalNumber())
        .put("name", identity.name())
        .put("givenName", identity.givenName())
        .put("surname", identity.surname()))
      .put("device", new JsonObject()
        .put("ipAddress", order.request().endUserIp() != null ? order.request().endUserIp() : deviceAddress)
        .put("uhi", uhi))
      .put("bankIdIssueDate", identity.bankIdIssueDate().toString())
      .put("stepUp", new JsonObject().put("mrtd", order.request().mrtdRequired()))
      .put("signature", SignatureDocument.signBase64(order, uhi, credentials))
      .put("ocspResponse", CertificateStatus.signBase64(order.orderRef(), now, credentials));
    if (order.request().returnRisk()) {
      completion.put("risk", "low");
    }
    return completion;
  }

  /** Stable per test identity, like BankID's per-device identifier. */
  private static String uniqueHardwareIdentifier(TestIdentity identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest(("bankid-simulator-device:" + identity.id()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 28);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
