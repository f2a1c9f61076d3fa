package se.socialportal.production;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * NAV's mock-oauth2-server as a process of its own, configured from a JSON file the way its standalone distribution
 * is (JSON_CONFIG): here like the Keycloak realm — client {@code socialportalen}, the staff member's {@code roles} and
 * {@code tenant} as ID token claims. Prints {@code ready <issuer>} once it listens on 127.0.0.1.
 *
 * <p>Usage: {@code StandaloneIdentityProvider <port> <issuer id> <config.json>}
 */
public final class StandaloneIdentityProvider {

  private StandaloneIdentityProvider() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String json = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    MockOAuth2Server server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(json));
    server.start(InetAddress.getLoopbackAddress(), port);
    System.out.println("ready " + server.issuerUrl(args[1]));
    System.out.flush();
  }
}
