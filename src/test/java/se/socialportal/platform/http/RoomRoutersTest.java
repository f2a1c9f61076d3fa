package se.socialportal.platform.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigLoader;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Each room's routes in a router of their own: the same answers as one router, in the same order")
class RoomRoutersTest {

  private static Vertx vertx;
  private static WebClient client;
  private static int port;
  private static Router router;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    HttpSettings settings = HttpSettings.from(new AppConfig(ConfigLoader.defaults()),
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    // The first room lets its guard pass and takes one path; the second takes what the first leaves.
    RoutesModule first = room -> {
      room.route("/api/v1/things/*").handler(ctx -> ctx.put("guarded", true).next());
      room.get("/api/v1/things/:id").handler(ctx -> answer(ctx, "first " + ctx.pathParam("id")));
      room.getWithRegex("/api/v1/other/(a|b)").handler(ctx -> answer(ctx, "first regex"));
    };
    RoutesModule second = room -> {
      room.get("/api/v1/things/:id/parts").handler(ctx -> answer(ctx, "second " + ctx.pathParam("id")));
      room.get("/api/v1/boom").handler(ctx -> ctx.fail(ApiException.forbidden("csrf_failed")));
      room.get("/side-page").handler(ctx -> answer(ctx, "second page"));
    };
    router = RouterAssembly.create(vertx, settings, List.of(first, second));
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS)
      .actualPort();
    client = WebClient.create(vertx);
  }

  private static void answer(io.vertx.ext.web.RoutingContext ctx, String who) {
    Responses.ok(ctx, new JsonObject().put("who", who).put("guarded", Boolean.TRUE.equals(ctx.get("guarded"))));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static JsonObject get(String path, int status) throws Exception {
    var response = client.get(port, "127.0.0.1", path).send().await(10, TimeUnit.SECONDS);
    assertEquals(status, response.statusCode(), path + ": " + response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  @Test
  @DisplayName("a request goes through the rooms in order, from a guard in one to a route in the next")
  void order() throws Exception {
    assertEquals(new JsonObject().put("who", "first 7").put("guarded", true), get("/api/v1/things/7", 200));
    assertEquals(new JsonObject().put("who", "second 7").put("guarded", true), get("/api/v1/things/7/parts", 200));
    assertEquals("first regex", get("/api/v1/other/b", 200).getString("who"));
    assertEquals("second page", get("/side-page", 200).getString("who"));
  }

  @Test
  @DisplayName("a room's failure and a path no room takes get the uniform answers")
  void failuresAndMisses() throws Exception {
    assertEquals("csrf_failed", get("/api/v1/boom", 403).getString("error"));
    assertEquals("not_found", get("/api/v1/other/c", 404).getString("error"));
  }

  @Test
  @DisplayName("the rooms' routes are listed in the order they are tried; a room is entered only under its paths")
  void routesAndPrefixes() {
    List<String> paths = RouterAssembly.routes(router).stream().map(route -> String.valueOf(route.getPath()))
      .filter(path -> path.startsWith("/api/v1/") || path.startsWith("/side")).toList();
    assertEquals(List.of("/api/v1/things/", "/api/v1/things/:id", "/api/v1/things/:id/parts", "/api/v1/boom",
      "/side-page"), paths);
    Router first = Router.router(vertx);
    first.route("/api/v1/things/*").handler(ctx -> ctx.next());
    first.get("/api/v1/things/:id").handler(ctx -> ctx.next());
    first.getWithRegex("/api/v1/other/(a|b)").handler(ctx -> ctx.next());
    assertEquals(List.of("/api/v1/things/", "/api/v1/other/"), RoomRouters.prefixes(first.getRoutes()));
    assertEquals("/bankid-simulator", RoomRouters.literalPrefix("\\Q/bankid-simulator\\E/?"));
    assertEquals("/api/v1/familjeratt/", RoomRouters.literalPrefix("/api/v1/familjeratt/(services|times).*"));
    assertEquals("/a", RoomRouters.literalPrefix("/ab?"));
  }
}
