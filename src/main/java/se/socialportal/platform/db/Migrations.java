package se.socialportal.platform.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over JDBC, the only JDBC in the server. Blocking: call it on a worker before any verticle serves traffic.
 * Each room owns a range of version numbers (see docs/architecture.md); out-of-order is allowed so a room's
 * new migration also reaches a demo database that already has later versions from other rooms.
 */
public final class Migrations {

  private Migrations() {
  }

  public static MigrateResult migrate(DatabaseSettings settings) {
    Flyway flyway = Flyway.configure()
      .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
      .locations("classpath:db/migration")
      .outOfOrder(true)
      .cleanDisabled(true)
      .load();
    return flyway.migrate();
  }
}
