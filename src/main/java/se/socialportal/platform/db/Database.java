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

/**
 * The database a server instance runs on — the configured PostgreSQL, or in demo mode the embedded one the
 * composition root started: migrates the schema (on a worker) and hands out one shared reactive pool.
 */
public final class Database {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DatabaseSettings settings;
  private final Pool pool;

  private Database(DatabaseSettings settings, Pool pool) {
    this.settings = settings;
    this.pool = pool;
  }

  /** The database DATABASE_URL (or PG*) names. */
  public static Future<Database> start(Vertx vertx, AppConfig config) {
    try {
      return start(vertx, config, DatabaseSettings.from(config));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The database at {@code settings} (the demo's embedded one), with this configuration's pool size. */
  public static Future<Database> start(Vertx vertx, AppConfig config, DatabaseSettings settings) {
    int poolSize = config.integer(Setting.DB_POOL_SIZE, 1, 200);
    return vertx.executeBlocking(() -> {
      var result = Migrations.migrate(settings);
      if (result.migrationsExecuted > 0) {
        LOG.info("Database schema migrated to version {} ({} migrations applied)",
          result.targetSchemaVersion, result.migrationsExecuted);
      } else {
        LOG.info("Database schema is up to date");
      }
      return settings;
    }, false).map(migrated -> new Database(migrated, PgBuilder.pool()
      .with(new PoolOptions().setMaxSize(poolSize).setShared(true).setName("socialportal"))
      .connectingTo(migrated.connectOptions())
      .using(vertx)
      .build()));
  }

  public Pool pool() {
    return pool;
  }

  public DatabaseSettings settings() {
    return settings;
  }

  public Future<Void> close() {
    return pool.close();
  }
}
