package se.socialportal;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.ConfigLoader;
import se.socialportal.platform.config.Setting;
import se.socialportal.testing.TestClock;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml is never run here (no container engine), so it is read: the app's environment there must pass
 * the same startup check a real start does, name only settings that exist, and agree with the Keycloak realm it
 * imports; the image must pack the production artifact.
 */
@DisplayName("docker-compose.yml, the Keycloak realm and the Dockerfile agree with what production needs")
class ComposeFileTest {

  /** Files the compose file mounts from ./secrets: they exist only on the installation. */
  private static final Set<String> MOUNTED_FILES = Set.of(Setting.BANKID_RP_CERT.name(), Setting.BANKID_CA.name());
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::([-?])([^}]*))?}");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml"), StandardCharsets.UTF_8));
    return (Map<String, Object>) compose.get("services");
  }

  /** The app's environment as compose hands it over: defaults taken, required ones given an operator's value. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> appEnvironment() throws IOException {
    Map<String, Object> app = (Map<String, Object>) services().get("app");
    Map<String, Object> environment = (Map<String, Object>) app.get("environment");
    return environment.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
      entry -> substitute(String.valueOf(entry.getValue()))));
  }

  private static String substitute(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement = "?".equals(matcher.group(2)) ? operatorValue(matcher.group(1))
        : matcher.group(3) == null ? "" : matcher.group(3);
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** What the operator must set (compose refuses to start without it). */
  private static String operatorValue(String variable) {
    return "TRUSTED_PROXIES".equals(variable) ? "172.18.0.1" : "a-long-random-value";
  }

  private static JsonObject realm() throws IOException {
    return new JsonObject(Files.readString(Path.of("deploy/keycloak/socialportalen-realm.json"), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("every variable the app gets is a setting, and together they pass production's startup check")
  void environmentPassesTheStartupCheck() throws IOException {
    Map<String, String> environment = appEnvironment();
    Set<String> settings = Arrays.stream(Setting.values()).map(Setting::name).collect(Collectors.toSet());
    assertEquals(Set.of(), environment.keySet().stream().filter(key -> !settings.contains(key))
      .collect(Collectors.toSet()), "variables the app does not know");
    assertEquals("production", environment.get("MODE"));
    JsonObject values = ConfigLoader.defaults();
    environment.forEach(values::put);
    List<String> problems;
    try {
      ConfigurationCheck.run(new AppConfig(values), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        TestClock.stopped(TestClock.START));
      problems = List.of();
    } catch (ConfigException e) {
      problems = e.problems().stream().filter(problem -> !MOUNTED_FILES.contains(problem.key()))
        .map(ConfigException::getMessage).toList();
    }
    assertEquals(List.of(), problems, "docker-compose.yml's app would not start");
  }

  @Test
  @DisplayName("the app reaches the compose services by their names: the database, Keycloak, the mail server")
  void servicesByName() throws IOException {
    Map<String, String> environment = appEnvironment();
    Set<String> names = services().keySet();
    assertTrue(names.contains(URI.create(environment.get("DATABASE_URL")).getHost()), environment.get("DATABASE_URL"));
    assertTrue(names.contains(URI.create(environment.get("OIDC_ISSUER")).getHost()), environment.get("OIDC_ISSUER"));
    assertTrue(names.contains(environment.get("SMTP_HOST")), environment.get("SMTP_HOST"));
  }

  @Test
  @DisplayName("the realm has the client, the claims and the redirect the app's environment names")
  void realmMatchesTheApp() throws IOException {
    Map<String, String> environment = appEnvironment();
    JsonObject realm = realm();
    assertTrue(environment.get("OIDC_ISSUER").endsWith("/realms/" + realm.getString("realm")),
      environment.get("OIDC_ISSUER"));
    JsonObject client = realm.getJsonArray("clients").stream().map(JsonObject.class::cast)
      .filter(candidate -> candidate.getString("clientId").equals(environment.get("OIDC_CLIENT_ID"))).findFirst()
      .orElseThrow(() -> new AssertionError("the realm has no client " + environment.get("OIDC_CLIENT_ID")));
    assertTrue(client.getBoolean("publicClient") && environment.get("OIDC_CLIENT_SECRET").isEmpty(),
      "a public client and no secret");
    assertTrue(client.getJsonArray("redirectUris").contains(environment.get("PUBLIC_URL") + "/handlaggare/callback"),
      client.getJsonArray("redirectUris").encode());
    Set<String> claims = client.getJsonArray("protocolMappers").stream().map(JsonObject.class::cast)
      .filter(mapper -> "true".equals(mapper.getJsonObject("config").getString("id.token.claim")))
      .map(mapper -> mapper.getJsonObject("config").getString("claim.name")).collect(Collectors.toSet());
    assertTrue(claims.contains(environment.get("OIDC_ROLES_CLAIM")), claims.toString());
    assertTrue(claims.contains(environment.get("OIDC_TENANT_CLAIM")), claims.toString());
    JsonArray users = realm.getJsonArray("users");
    assertTrue(users.stream().map(JsonObject.class::cast).allMatch(user -> user.getJsonObject("attributes")
      .getJsonArray(environment.get("OIDC_TENANT_CLAIM")) != null), "every user has the tenant attribute");
  }

  @Test
  @DisplayName("the image packs the production artifact that package builds")
  void dockerfilePacksTheProductionArtifact() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    assertTrue(dockerfile.contains("COPY target/socialportal-production.jar "), dockerfile);
    assertTrue(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8)
      .contains("<outputFile>${project.build.directory}/socialportal-production.jar</outputFile>"));
  }
}
