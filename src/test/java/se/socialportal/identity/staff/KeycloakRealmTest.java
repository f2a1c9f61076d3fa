package se.socialportal.identity.staff;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.demo.DemoStaff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The Keycloak realm for docker-compose matches what the app expects of its identity provider")
class KeycloakRealmTest {

  private static JsonObject realm() throws IOException {
    return new JsonObject(Files.readString(Path.of("deploy/keycloak/socialportalen-realm.json"), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("every demo staff member (every role) is a user with the same roles and tenant")
  void usersForEveryRole() throws IOException {
    JsonArray users = realm().getJsonArray("users");
    for (DemoStaff.Member member : DemoStaff.MEMBERS) {
      JsonObject user = users.stream().map(JsonObject.class::cast)
        .filter(candidate -> candidate.getString("username").equals(member.subject())).findFirst()
        .orElseThrow(() -> new AssertionError("no user " + member.subject()));
      assertEquals(new JsonArray(member.roles()), user.getJsonArray("realmRoles"));
      assertEquals(member.tenant(), user.getJsonObject("attributes").getJsonArray("tenant").getString(0));
    }
    List<String> roles = realm().getJsonObject("roles").getJsonArray("realm").stream()
      .map(role -> ((JsonObject) role).getString("name")).toList();
    assertEquals(Arrays.stream(StaffRole.values()).map(StaffRole::code).sorted().toList(), roles.stream().sorted().toList());
  }

  @Test
  @DisplayName("the client is public with PKCE S256, and maps roles and tenant into the ID token")
  void clientWithPkceAndClaims() throws IOException {
    JsonObject client = realm().getJsonArray("clients").getJsonObject(0);
    assertEquals("socialportalen", client.getString("clientId"));
    assertTrue(client.getBoolean("publicClient"));
    assertEquals("S256", client.getJsonObject("attributes").getString("pkce.code.challenge.method"));
    assertTrue(client.getJsonArray("redirectUris").contains("http://localhost:8080/handlaggare/callback"));
    for (String claim : List.of("roles", "tenant")) {
      JsonObject mapper = client.getJsonArray("protocolMappers").stream().map(JsonObject.class::cast)
        .filter(candidate -> claim.equals(candidate.getJsonObject("config").getString("claim.name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no mapper for " + claim));
      assertEquals("true", mapper.getJsonObject("config").getString("id.token.claim"));
    }
  }
}
