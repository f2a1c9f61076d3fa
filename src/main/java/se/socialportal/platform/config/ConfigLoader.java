package se.socialportal.platform.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads the defaults file from the classpath, then the environment on top (vertx-config). Only the keys in
 * {@link Setting} are taken from the environment, so unrelated variables never leak into the configuration.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /** The defaults file is read on a worker (a classpath read blocks), then merged with the environment. */
  public static Future<AppConfig> load(Vertx vertx, JsonObject overrides) {
    return vertx.executeBlocking(ConfigLoader::defaults, false).compose(defaults -> load(vertx, defaults, overrides));
  }

  private static Future<AppConfig> load(Vertx vertx, JsonObject defaultValues, JsonObject overrides) {
    JsonArray keys = new JsonArray();
    for (Setting setting : Setting.values()) {
      keys.add(setting.name());
    }
    ConfigStoreOptions defaults = new ConfigStoreOptions()
      .setType("json")
      .setConfig(defaultValues);
    ConfigStoreOptions environment = new ConfigStoreOptions()
      .setType("env")
      .setConfig(new JsonObject().put("keys", keys).put("raw-data", true));
    ConfigStoreOptions explicit = new ConfigStoreOptions().setType("json").setConfig(overrides);
    ConfigRetriever retriever = ConfigRetriever.create(vertx, new ConfigRetrieverOptions()
      .setIncludeDefaultStores(false)
      .addStore(defaults)
      .addStore(environment)
      .addStore(explicit));
    return retriever.getConfig()
      .andThen(ignored -> retriever.close())
      .map(AppConfig::new);
  }

  /** conf/defaults.json from the classpath: the default of every {@link Setting}. */
  public static JsonObject defaults() {
    try (var in = ConfigLoader.class.getResourceAsStream("/conf/defaults.json")) {
      if (in == null) {
        throw new ConfigException("conf/defaults.json", "is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException | io.vertx.core.json.DecodeException e) {
      throw new ConfigException("conf/defaults.json", "cannot be read: " + e.getMessage());
    }
  }
}
