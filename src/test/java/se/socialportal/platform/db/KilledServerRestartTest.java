package se.socialportal.platform.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.socialportal.testing.DemoServerProcess;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo server as an operator runs it — its own JVM (se.socialportal.Main on the test classpath) — killed with
 * kill -9 and started again on the same DATA_DIR. The embedded PostgreSQL outlives the killed JVM; the next start
 * must stop that orphan and carry on with the data it kept.
 */
@DisplayName("Demo mode after kill -9: the next start stops the orphaned PostgreSQL and starts with the kept data")
class KilledServerRestartTest {

  private static final Duration STARTUP = Duration.ofSeconds(120);

  @Test
  void restartAfterKill(@TempDir Path dataDir) throws Exception {
    Path postgresDir = dataDir.resolve("postgres");
    Process first = start(dataDir, "first");
    Process second = null;
    Optional<ProcessHandle> orphan = Optional.empty();
    try {
      awaitHealthy(first, port(dataDir, "first"));
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      orphan = postmaster(postgresDir);
      assertTrue(orphan.isPresent(), "PostgreSQL outlived the killed server (otherwise this test tests nothing)");

      second = start(dataDir, "second");
      awaitHealthy(second, port(dataDir, "second"));
      assertFalse(orphan.get().isAlive(), "the orphaned PostgreSQL was stopped");
      String log = Files.readString(dataDir.resolve("second.log"));
      assertTrue(log.contains("pid " + orphan.get().pid()), "the log names the orphan it stopped:\n" + log);
      assertTrue(log.contains("Database schema is up to date"), "the same database, kept:\n" + log);
    } finally {
      stop(second);
      stop(first);
      orphan.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
      postmaster(postgresDir).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static Process start(Path dataDir, String name) throws IOException {
    int port = TestApp.freePort();
    Files.writeString(dataDir.resolve(name + ".port"), String.valueOf(port));
    return DemoServerProcess.start(dataDir, name, port, Map.of("HTTP_INSTANCES", "1", "ROBOT_ENABLED", "false"));
  }

  private static int port(Path dataDir, String name) throws IOException {
    return Integer.parseInt(Files.readString(dataDir.resolve(name + ".port")));
  }

  /** Bounded polling of /health until the server answers 200, or the process ends, or the startup time is up. */
  private static void awaitHealthy(Process process, int port) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
      .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue());
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      process.waitFor(200, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("the server did not answer /health within " + STARTUP);
  }

  private static Optional<ProcessHandle> postmaster(Path postgresDir) throws IOException {
    Path pidFile = postgresDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  private static void stop(Process process) throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
