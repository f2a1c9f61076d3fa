package se.socialportal.bankid.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import se.socialportal.bankid.BankIdCredentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The simulator's public test key material, bundled under {@code bankid/simulator/} (see the README there): its CA,
 * its TLS server certificate, the end-user signing key, and the RP certificate it has registered. Loading is
 * blocking; {@link #bundled()} runs on a worker.
 */
public final class SimulatorCredentials {

  public static final String DIRECTORY = "/bankid/simulator/";
  /** The RP client certificate the app presents to the simulator; password {@value #RP_PASSWORD}. */
  public static final String RP_PKCS12 = DIRECTORY + "rp.p12";
  public static final String RP_PASSWORD = "qwerty123";
  public static final String CA_PEM = DIRECTORY + "ca.pem";

  private final Buffer caPem;
  private final Buffer serverCertificatePem;
  private final Buffer serverKeyPem;
  private final PrivateKey serverKey;
  private final X509Certificate serverCertificate;
  private final PrivateKey signingKey;
  private final X509Certificate signingCertificate;
  private final X509Certificate caCertificate;
  private final Set<String> registeredRpFingerprints;

  private SimulatorCredentials() throws IOException, GeneralSecurityException {
    caPem = resource("ca.pem");
    serverCertificatePem = resource("server.pem");
    serverKeyPem = resource("server.key");
    CertificateFactory certificates = CertificateFactory.getInstance("X.509");
    caCertificate = (X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(caPem.getBytes()));
    serverCertificate = (X509Certificate) certificates.generateCertificate(
      new ByteArrayInputStream(serverCertificatePem.getBytes()));
    serverKey = pkcs8(serverKeyPem.toString());
    KeyStore signing = KeyStore.getInstance("PKCS12");
    signing.load(new ByteArrayInputStream(resource("signing.p12").getBytes()), RP_PASSWORD.toCharArray());
    signingKey = (PrivateKey) signing.getKey("signing", RP_PASSWORD.toCharArray());
    signingCertificate = (X509Certificate) signing.getCertificate("signing");
    X509Certificate registeredRp = (X509Certificate) certificates.generateCertificate(
      new ByteArrayInputStream(resource("rp.pem").getBytes()));
    registeredRpFingerprints = Set.of(fingerprint(registeredRp));
  }

  /** Reads the bundled files on a worker thread. */
  public static Future<SimulatorCredentials> bundled(Vertx vertx) {
    return vertx.executeBlocking(SimulatorCredentials::new, false);
  }

  /** The credentials a {@link se.socialportal.bankid.BankIdClient} needs to talk to the simulator. */
  public static Future<BankIdCredentials> rpClientCredentials(Vertx vertx) {
    return BankIdCredentials.fromClasspath(vertx, RP_PKCS12, RP_PASSWORD, CA_PEM);
  }

  /** SHA-256 of the DER encoding, lower-case hex. */
  public static String fingerprint(Certificate certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  PemKeyCertOptions serverKeyCertOptions() {
    return new PemKeyCertOptions().addCertValue(serverCertificatePem.copy()).addKeyValue(serverKeyPem.copy());
  }

  /** Client certificates must chain to the simulator CA, and nothing else. */
  PemTrustOptions clientTrustOptions() {
    return new PemTrustOptions().addCertValue(caPem.copy());
  }

  boolean isRegisteredRp(Certificate certificate) {
    return registeredRpFingerprints.contains(fingerprint(certificate));
  }

  PrivateKey signingKey() {
    return signingKey;
  }

  X509Certificate signingCertificate() {
    return signingCertificate;
  }

  X509Certificate caCertificate() {
    return caCertificate;
  }

  /** The simulator's "responder" identity for the certificate status statement (see {@link CertificateStatus}). */
  PrivateKey responderKey() {
    return serverKey;
  }

  X509Certificate responderCertificate() {
    return serverCertificate;
  }

  private static PrivateKey pkcs8(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static Buffer resource(String name) throws IOException {
    try (InputStream in = SimulatorCredentials.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IOException("classpath resource " + DIRECTORY + name + " is missing");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }
}
