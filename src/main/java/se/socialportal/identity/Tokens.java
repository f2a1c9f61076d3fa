package se.socialportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random tokens for cookies, states and verifiers, and the hash under which the database keeps them. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** One digest per thread: every request hashes its session token, and getInstance searches the providers. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private Tokens() {
  }

  /** 256 random bits, base64url without padding (43 characters). */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] sha256(String token) {
    return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
  }

  /** The PKCE S256 code challenge for a verifier (RFC 7636 §4.2). */
  public static String pkceChallenge(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  /** Compares in constant time, so a token cannot be guessed byte by byte from response times. */
  public static boolean same(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
