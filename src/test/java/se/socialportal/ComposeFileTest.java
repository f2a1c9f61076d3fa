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
 * imports; the image must pack the production artifact; Prometheus must scrape the app with its token and Grafana's
 * provisioning must be there and parse.
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
  @DisplayName("Prometheus scrapes the app's /metrics with the app's METRICS_TOKEN and loads the alert rules")
  @SuppressWarnings("unchecked")
  void prometheusScrapesTheApp() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml"), StandardCharsets.UTF_8));
    Map<String, Object> prometheus = (Map<String, Object>) services().get("prometheus");
    Map<String, String> mounts = mounts(prometheus);
    Map<String, Object> config = yaml(mounts, "/etc/prometheus/prometheus.yml");
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
    Map<String, Object> job = jobs.stream().filter(candidate -> "/metrics".equals(candidate.get("metrics_path")))
      .findFirst().orElseThrow(() -> new AssertionError("no scrape of /metrics"));
    List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
    assertEquals(List.of("app:" + appEnvironment().get("HTTP_PORT")), targets, "the app's service name and port");
    assertTrue(services().containsKey("app"));
    // The bearer token is a file Prometheus reads: a compose secret filled from the app's own METRICS_TOKEN.
    Map<String, Object> authorization = (Map<String, Object>) job.get("authorization");
    assertEquals("Bearer", authorization.get("type"));
    String file = (String) authorization.get("credentials_file");
    assertTrue(file.startsWith("/run/secrets/"), file);
    String secret = file.substring("/run/secrets/".length());
    assertTrue(((List<String>) prometheus.get("secrets")).contains(secret), "Prometheus gets the secret " + secret);
    Map<String, Object> secrets = (Map<String, Object>) compose.get("secrets");
    assertEquals(Setting.METRICS_TOKEN.name(), ((Map<String, Object>) secrets.get(secret)).get("environment"));
    Map<String, Object> app = (Map<String, Object>) services().get("app");
    assertTrue(String.valueOf(((Map<String, Object>) app.get("environment")).get("METRICS_TOKEN"))
      .contains("${METRICS_TOKEN"), "the app reads the same variable");
    // Every rule file it loads is mounted, parses, and holds the alerts operations.md describes.
    Set<String> alerts = new java.util.TreeSet<>();
    for (String ruleFile : (List<String>) config.get("rule_files")) {
      Map<String, Object> rules = yaml(mounts, ruleFile);
      for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          assertTrue(String.valueOf(rule.get("expr")).contains("socialportal_"), String.valueOf(rule));
          alerts.add((String) rule.get("alert"));
        }
      }
    }
    assertEquals(Set.of("SocialportalQueueAge", "SocialportalRobotQueueAge", "SocialportalRobotStalled",
      "SocialportalPaymentsFailed", "SocialportalRulesMissing"), alerts);
    String operations = Files.readString(Path.of("docs/operations.md"), StandardCharsets.UTF_8);
    alerts.forEach(alert -> assertTrue(operations.contains(alert), "docs/operations.md explains " + alert));
  }

  @Test
  @DisplayName("Grafana's provisioning exists and parses: the Prometheus data source and the dashboard")
  @SuppressWarnings("unchecked")
  void grafanaProvisioning() throws IOException {
    Map<String, Object> grafana = (Map<String, Object>) services().get("grafana");
    Map<String, String> mounts = mounts(grafana);
    Path provisioning = Path.of(mounts.get("/etc/grafana/provisioning"));
    Map<String, Object> datasources = new Yaml().load(Files.readString(provisioning.resolve("datasources/prometheus.yml")));
    Map<String, Object> source = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
    assertEquals("prometheus", source.get("type"));
    assertTrue(services().containsKey(URI.create((String) source.get("url")).getHost()), String.valueOf(source));
    Map<String, Object> providers = new Yaml().load(Files.readString(provisioning.resolve("dashboards/socialportal.yml")));
    String path = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0)
      .get("options")).get("path");
    Path dashboards = Path.of(mounts.get(path));
    try (var files = Files.list(dashboards)) {
      List<Path> found = files.filter(file -> file.toString().endsWith(".json")).toList();
      assertEquals(1, found.size(), found.toString());
      JsonObject dashboard = new JsonObject(Files.readString(found.get(0), StandardCharsets.UTF_8));
      assertTrue(!dashboard.getString("uid").isEmpty() && !dashboard.getJsonArray("panels").isEmpty());
      for (Object panel : dashboard.getJsonArray("panels")) {
        JsonObject one = (JsonObject) panel;
        assertEquals(source.get("uid"), one.getJsonObject("datasource").getString("uid"), one.getString("title"));
        one.getJsonArray("targets").forEach(target -> assertTrue(((JsonObject) target).getString("expr")
          .contains("socialportal_"), one.getString("title")));
      }
    }
  }

  /** A service's bind mounts: where in the container → the file or folder here (the :ro flag dropped). */
  @SuppressWarnings("unchecked")
  private static Map<String, String> mounts(Map<String, Object> service) {
    return ((List<String>) service.get("volumes")).stream().filter(volume -> volume.startsWith("./"))
      .map(volume -> volume.split(":")).collect(Collectors.toMap(parts -> parts[1], parts -> parts[0].substring(2)));
  }

  private static Map<String, Object> yaml(Map<String, String> mounts, String inContainer) throws IOException {
    String here = mounts.get(inContainer);
    assertTrue(here != null, inContainer + " is mounted from this repository");
    return new Yaml().load(Files.readString(Path.of(here), StandardCharsets.UTF_8));
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
