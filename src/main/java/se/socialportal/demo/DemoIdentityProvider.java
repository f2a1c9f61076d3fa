package se.socialportal.demo;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) in the same process, for demo mode: discovery, JWKS,
 * authorization code with PKCE, signed ID tokens. Its login page lists the demo staff; choosing one signs in with
 * that person's name, roles and municipality as token claims. Blocking to start: call on a worker.
 */
public final class DemoIdentityProvider implements AutoCloseable {

  public static final String ISSUER_ID = "socialportalen";

  private final MockOAuth2Server server;

  private DemoIdentityProvider(MockOAuth2Server server) {
    this.server = server;
  }

  public static DemoIdentityProvider start(int port, Path workDirectory, List<DemoStaff.Member> staff) {
    try {
      Files.createDirectories(workDirectory);
      Path loginPage = workDirectory.resolve("demo-staff-login.html");
      Files.writeString(loginPage, loginPage(staff), StandardCharsets.UTF_8);
      // Its Netty server, not the default okhttp MockWebServer: that one is a JUnit rule and would need JUnit.
      MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString(), null, false,
        new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
      server.start(InetAddress.getLoopbackAddress(), port);
      return new DemoIdentityProvider(server);
    } catch (IOException e) {
      throw new UncheckedIOException("The demo identity provider could not start: " + e.getMessage(), e);
    }
  }

  public URI issuer() {
    return URI.create(server.issuerUrl(ISSUER_ID).toString().replaceAll("/+$", ""));
  }

  @Override
  public void close() {
    server.shutdown();
  }

  /** One form per demo person; each posts the subject and the claims to the authorization endpoint (no script). */
  static String loginPage(List<DemoStaff.Member> staff) {
    StringBuilder forms = new StringBuilder();
    for (DemoStaff.Member member : staff) {
      String claims = new io.vertx.core.json.JsonObject()
        .put("name", member.name()).put("given_name", member.givenName()).put("family_name", member.familyName())
        .put("email", member.email()).put("tenant", member.tenant())
        .put("roles", new io.vertx.core.json.JsonArray(member.roles()))
        .encode();
      forms.append("<form method=\"post\">")
        .append("<input type=\"hidden\" name=\"username\" value=\"").append(escape(member.subject())).append("\">")
        .append("<input type=\"hidden\" name=\"claims\" value=\"").append(escape(claims)).append("\">")
        .append("<button type=\"submit\" id=\"login-").append(escape(member.subject())).append("\">")
        .append(escape(member.name())).append(" – ").append(escape(String.join(", ", member.roles())))
        .append(" (").append(escape(member.tenant())).append(")</button></form>\n");
    }
    return "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      + "<title>Demo: logga in som personal</title></head><body><main>"
      + "<h1>Demo: logga in som personal</h1>"
      + "<p>Det här är demolägets lokala inloggningstjänst (OpenID Connect). Välj vem du vill vara.</p>\n"
      + forms + "</main></body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
