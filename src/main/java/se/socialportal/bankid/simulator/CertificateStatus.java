package se.socialportal.bankid.simulator;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * The simulator's {@code completionData.ocspResponse}. NOT an OCSP response (RFC 6960): a small JSON statement
 * "the signing certificate is good at this time, for this order", signed SHA256withRSA by the simulator's responder
 * key, base64-encoded. It exists so the RP can store and show something in its place; code that parses real OCSP
 * responses must not be pointed at it.
 *
 * <pre>{"notice": "...", "statement": base64(JSON), "signatureAlgorithm": "SHA256withRSA",
 *  "signature": base64, "responderCertificate": base64(DER)}</pre>
 */
final class CertificateStatus {

  static final String NOTICE = "BankID simulator: this is NOT an OCSP response. It is a statement signed by the "
    + "simulator that its end-user signing certificate is good. Test use only.";
  static final String ALGORITHM = "SHA256withRSA";

  private CertificateStatus() {
  }

  /** Blocking (RSA signing): call on a worker. */
  static String signBase64(String orderRef, Instant producedAt, SimulatorCredentials credentials) {
    X509Certificate subject = credentials.signingCertificate();
    byte[] statement = new JsonObject()
      .put("type", "bankid-simulator-certificate-status")
      .put("orderRef", orderRef)
      .put("certificateSerialNumber", subject.getSerialNumber().toString(16))
      .put("certificateSha256", SimulatorCredentials.fingerprint(subject))
      .put("certificateIssuer", subject.getIssuerX500Principal().getName())
      .put("status", "good")
      .put("producedAt", producedAt.toString())
      .encode().getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(credentials.responderKey());
      signer.update(statement);
      JsonObject envelope = new JsonObject()
        .put("notice", NOTICE)
        .put("statement", Base64.getEncoder().encodeToString(statement))
        .put("signatureAlgorithm", ALGORITHM)
        .put("signature", Base64.getEncoder().encodeToString(signer.sign()))
        .put("responderCertificate", Base64.getEncoder().encodeToString(credentials.responderCertificate().getEncoded()));
      return Base64.getEncoder().encodeToString(envelope.encode().getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the simulator could not sign the certificate status", e);
    }
  }
}
