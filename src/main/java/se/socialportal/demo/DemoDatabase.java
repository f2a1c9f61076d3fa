package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;

/** Demo mode without a configured database: the embedded PostgreSQL, its data kept in DATA_DIR/postgres. */
public final class DemoDatabase {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDatabase.class);

  private DemoDatabase() {
  }

  /** @param fresh start from an empty data directory (--fresh) */
  public static Future<EmbeddedDatabase> start(Vertx vertx, AppConfig config, boolean fresh) {
    Path dataDirectory = Path.of(config.string(Setting.DATA_DIR), "postgres").toAbsolutePath().normalize();
    return vertx.executeBlocking(() -> {
      EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, fresh);
      LOG.info("Embedded PostgreSQL running on port {}, data in {}", database.settings().port(), dataDirectory);
      return database;
    }, false);
  }

  public static Future<Void> stop(Vertx vertx, EmbeddedDatabase database) {
    return vertx.executeBlocking(() -> {
      database.close();
      return null;
    }, false).mapEmpty();
  }
}
