package se.socialportal.platform.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The database a server instance runs on: the configured PostgreSQL, or in demo mode an embedded one. Migrates the
 * schema (on a worker) and hands out one shared reactive pool.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DatabaseSettings settings;
  private final Pool pool;
  private final Optional<EmbeddedDatabase> embedded;

  private Database(DatabaseSettings settings, Pool pool, Optional<EmbeddedDatabase> embedded) {
    this.settings = settings;
    this.pool = pool;
    this.embedded = embedded;
  }

  public static Future<Database> start(Vertx vertx, AppConfig config, boolean fresh) {
    int poolSize = config.integer(Setting.DB_POOL_SIZE, 1, 200);
    boolean embed = config.isDemo() && !config.databaseConfigured();
    Optional<DatabaseSettings> configured = embed ? Optional.empty() : Optional.of(DatabaseSettings.from(config));
    Path dataDirectory = Path.of(config.string(Setting.DATA_DIR), "postgres").toAbsolutePath().normalize();
    return vertx.executeBlocking(() -> {
      Optional<EmbeddedDatabase> embedded = Optional.empty();
      DatabaseSettings settings;
      if (configured.isPresent()) {
        settings = configured.get();
      } else {
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, fresh);
        embedded = Optional.of(database);
        settings = database.settings();
        LOG.info("Embedded PostgreSQL running on port {}, data in {}", settings.port(), dataDirectory);
      }
      try {
        var result = Migrations.migrate(settings);
        if (result.migrationsExecuted > 0) {
          LOG.info("Database schema migrated to version {} ({} migrations applied)",
            result.targetSchemaVersion, result.migrationsExecuted);
        } else {
          LOG.info("Database schema is up to date");
        }
      } catch (RuntimeException e) {
        embedded.ifPresent(EmbeddedDatabase::close);
        throw e;
      }
      return new Database(settings, null, embedded);
    }, false).map(started -> {
      Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setShared(true).setName("socialportal"))
        .connectingTo(started.settings.connectOptions())
        .using(vertx)
        .build();
      return new Database(started.settings, pool, started.embedded);
    });
  }

  public Pool pool() {
    return pool;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public Future<Void> close(Vertx vertx) {
    return pool.close().eventually(() -> vertx.executeBlocking(() -> {
      embedded.ifPresent(EmbeddedDatabase::close);
      return null;
    }, false)).mapEmpty();
  }
}
