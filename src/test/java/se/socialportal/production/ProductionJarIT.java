package se.socialportal.production;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jars {@code package} built, read back entry by entry (failsafe runs this after {@code package}): the production
 * artifact carries no demo code, no demo library and no key; no jar carries a test framework. Prints each jar's size
 * and class counts.
 */
@DisplayName("The production artifact leaves demo code out, and no jar carries a test framework")
class ProductionJarIT {

  /** Entry prefixes of demo code and the libraries only demo code uses. */
  private static final List<String> NOT_IN_PRODUCTION = List.of(
    "se/socialportal/demo/", "se/socialportal/bankid/simulator/", "bankid/simulator/",
    "META-INF/services/se.socialportal.DemoMode",
    "io/zonky/", "postgres-linux", "no/nav/security/", "okhttp3/", "okio/", "kotlin/", "freemarker/",
    "org/bouncycastle/", "com/nimbusds/", "tools/jackson/", "org/tukaani/");
  /** Entry prefixes of test frameworks and test servers: never in any jar. */
  private static final List<String> TEST_FRAMEWORKS = List.of(
    "org/junit/", "junit/", "org/opentest4j/", "org/testng/", "org/hamcrest/", "okhttp3/mockwebserver/",
    "mockwebserver3/", "io/zonky/test/db/postgres/junit", "org/testcontainers/", "com/microsoft/playwright/",
    "com/icegreen/", "com/tngtech/archunit/", "io/vertx/junit5/");

  @Test
  @DisplayName("the production artifact: no simulator, no demo IdP, no embedded database, no keys, no junit/okhttp/kotlin")
  void productionJarHasNoDemoParts() throws IOException {
    Path jar = jar("production.jar");
    List<String> entries = entries(jar);
    print("production", jar, entries);
    assertTrue(entries.contains("se/socialportal/Main.class"), "the server itself is in " + jar);
    assertTrue(entries.contains("se/socialportal/DemoMode.class"), "the seam the root looks demo code up through");
    assertEquals(List.of(), offending(entries, NOT_IN_PRODUCTION), "demo parts in the production artifact");
    assertEquals(List.of(), offending(entries, TEST_FRAMEWORKS), "test frameworks in the production artifact");
    assertEquals(List.of(), entries.stream().filter(name -> name.endsWith(".p12") || name.endsWith(".key")
      || name.endsWith(".pem")).collect(Collectors.toList()), "key material in the production artifact");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals("se.socialportal.Main", file.getManifest().getMainAttributes().getValue("Main-Class"));
    }
  }

  @Test
  @DisplayName("the demo jar (README's) starts demo mode and carries no test framework")
  void demoJarHasNoTestFramework() throws IOException {
    Path jar = jar("demo.jar");
    List<String> entries = entries(jar);
    print("demo", jar, entries);
    assertTrue(entries.contains("se/socialportal/demo/DemoWiring.class"));
    assertTrue(entries.contains("META-INF/services/se.socialportal.DemoMode"));
    assertEquals(List.of(), offending(entries, TEST_FRAMEWORKS), "test frameworks in the demo jar");
  }

  private static Path jar(String property) {
    String path = System.getProperty(property);
    assertTrue(path != null && Files.isRegularFile(Path.of(path)),
      property + " must name a jar built by package, got " + path);
    return Path.of(path);
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(entry -> entry.getName()).collect(Collectors.toList());
    }
  }

  private static List<String> offending(List<String> entries, List<String> prefixes) {
    return entries.stream().filter(name -> prefixes.stream().anyMatch(name::startsWith)).limit(20)
      .collect(Collectors.toList());
  }

  private static void print(String label, Path jar, List<String> entries) throws IOException {
    long classes = entries.stream().filter(name -> name.endsWith(".class")).count();
    long ours = entries.stream().filter(name -> name.startsWith("se/socialportal/") && name.endsWith(".class")).count();
    System.out.printf("%s jar %s: %.1f MB, %d classes, %d ours%n", label, jar.getFileName(),
      Files.size(jar) / 1_000_000.0, classes, ours);
  }
}
