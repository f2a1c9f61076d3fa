package se.socialportal.bankid;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The key material for mutual TLS with BankID: our RP certificate (PKCS#12 + password) and the CA that issued
 * BankID's server certificate (PEM). Everything is opened and checked once when this is built, so a wrong password
 * or a broken file stops startup with a clear problem instead of failing the first login.
 *
 * <p>Opening a PKCS#12 file is slow (key derivation): build this on a worker thread ({@link #load} does).
 */
public final class BankIdCredentials {

  private final Buffer pkcs12;
  private final String password;
  private final Buffer trustedCaPem;
  private final X509Certificate certificate;

  private BankIdCredentials(Buffer pkcs12, String password, Buffer trustedCaPem, X509Certificate certificate) {
    this.pkcs12 = pkcs12;
    this.password = password;
    this.trustedCaPem = trustedCaPem;
    this.certificate = certificate;
  }

  /** From bytes in memory (demo mode reads the bundled simulator credentials from the classpath). */
  public static BankIdCredentials of(Buffer pkcs12, String password, Buffer trustedCaPem) {
    X509Certificate certificate = openKeyStore(pkcs12, password);
    checkTrustedCa(trustedCaPem);
    return new BankIdCredentials(pkcs12.copy(), password, trustedCaPem.copy(), certificate);
  }

  /** Reads and checks both files on a worker thread. */
  public static Future<BankIdCredentials> load(Vertx vertx, Path pkcs12, String password, Path trustedCaPem) {
    return vertx.executeBlocking(() -> of(
      read(pkcs12, BankIdCredentialsException.Problem.RP_CERTIFICATE),
      password,
      read(trustedCaPem, BankIdCredentialsException.Problem.TRUSTED_CA)), false);
  }

  /** Reads and checks two classpath resources on a worker thread. */
  public static Future<BankIdCredentials> fromClasspath(Vertx vertx, String pkcs12Resource, String password,
                                                        String trustedCaResource) {
    return vertx.executeBlocking(() -> of(
      resource(pkcs12Resource, BankIdCredentialsException.Problem.RP_CERTIFICATE),
      password,
      resource(trustedCaResource, BankIdCredentialsException.Problem.TRUSTED_CA)), false);
  }

  /** The subject of our RP certificate, for the startup log. */
  public String subject() {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** When our RP certificate expires (BankID's test certificates have expired under running systems before). */
  public Instant notAfter() {
    return certificate.getNotAfter().toInstant();
  }

  PfxOptions keyCertOptions() {
    return new PfxOptions().setValue(pkcs12.copy()).setPassword(password);
  }

  PemTrustOptions trustOptions() {
    return new PemTrustOptions().addCertValue(trustedCaPem.copy());
  }

  @Override
  public String toString() {
    return "BankIdCredentials[subject=" + subject() + ", notAfter=" + notAfter() + "]";
  }

  private static X509Certificate openKeyStore(Buffer pkcs12, String password) {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12.getBytes()), password == null ? new char[0] : password.toCharArray());
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new BankIdCredentialsException(BankIdCredentialsException.Problem.RP_CERTIFICATE_PASSWORD,
          "the password does not open the RP certificate file", e);
      }
      throw new BankIdCredentialsException(BankIdCredentialsException.Problem.RP_CERTIFICATE,
        "the RP certificate file is not a readable PKCS#12 file", e);
    } catch (GeneralSecurityException e) {
      throw new BankIdCredentialsException(BankIdCredentialsException.Problem.RP_CERTIFICATE,
        "the RP certificate file is not a readable PKCS#12 file", e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
          return certificate;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new BankIdCredentialsException(BankIdCredentialsException.Problem.RP_CERTIFICATE,
        "the RP certificate file cannot be read", e);
    }
    throw new BankIdCredentialsException(BankIdCredentialsException.Problem.RP_CERTIFICATE,
      "the RP certificate file holds no private key with a certificate", null);
  }

  private static void checkTrustedCa(Buffer pem) {
    try {
      List<?> certificates = List.copyOf(CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes())));
      if (certificates.isEmpty() || !pem.toString().contains("-----BEGIN CERTIFICATE-----")) {
        throw new BankIdCredentialsException(BankIdCredentialsException.Problem.TRUSTED_CA,
          "the CA file holds no PEM certificate", null);
      }
    } catch (GeneralSecurityException e) {
      throw new BankIdCredentialsException(BankIdCredentialsException.Problem.TRUSTED_CA,
        "the CA file holds no readable PEM certificate", e);
    }
  }

  private static Buffer read(Path path, BankIdCredentialsException.Problem problem) {
    try {
      return Buffer.buffer(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new BankIdCredentialsException(problem, "cannot read " + path, e);
    }
  }

  private static Buffer resource(String name, BankIdCredentialsException.Problem problem) {
    try (InputStream in = BankIdCredentials.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new BankIdCredentialsException(problem, "classpath resource " + name + " is missing", null);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new BankIdCredentialsException(problem, "cannot read classpath resource " + name, e);
    }
  }
}
