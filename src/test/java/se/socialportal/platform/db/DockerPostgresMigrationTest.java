package se.socialportal.platform.db;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations against the same PostgreSQL image docker-compose uses. Skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Migrations on PostgreSQL 16 in Docker (skipped without Docker)")
class DockerPostgresMigrationTest {

  @Container
  static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");

  @Test
  void migratesTheDockerImage() {
    DatabaseSettings settings = new DatabaseSettings(postgres.getHost(), postgres.getFirstMappedPort(),
      postgres.getDatabaseName(), postgres.getUsername(), postgres.getPassword(), "disable");
    assertTrue(Migrations.migrate(settings).success);
  }
}
