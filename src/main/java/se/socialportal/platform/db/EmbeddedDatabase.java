package se.socialportal.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 16 started from the binaries inside the jar, for demo mode. Blocking: call it on a worker.
 * The data directory survives restarts so a demo keeps what was entered; {@code fresh} wipes it first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDirectory, boolean fresh) {
    try {
      Path directory = dataDirectory.toAbsolutePath().normalize();
      if (fresh && Files.exists(directory)) {
        LOG.info("Starting with an empty database: removing {}", directory);
        deleteRecursively(directory);
      }
      Files.createDirectories(directory.getParent());
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "100")
        .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL could not start: " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("could not lock")) {
        throw new IllegalStateException("another Socialportalen demo server is using " + dataDirectory.toAbsolutePath()
          + "; stop it, or give this one its own DATA_DIR", e);
      }
      throw e;
    }
  }

  /** The embedded server's default database and superuser, as zonky sets them up. */
  public DatabaseSettings settings() {
    return new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres", "postgres", "disable");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
