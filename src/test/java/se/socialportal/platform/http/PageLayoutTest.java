package se.socialportal.platform.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Pages are served with the shared layout put in")
class PageLayoutTest {

  private static final List<String> PAGES = List.of("/", "/logga-in/", "/mina-sidor/", "/mina-sidor/arende/",
    "/ansokan/", "/provrakning/", "/handlaggare/", "/handlaggare/arende/", "/handlaggare/registrera/");

  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    StaticFiles.mount(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
      .await(10, TimeUnit.SECONDS);
    port = server.actualPort();
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static HttpResponse<Buffer> get(String path, String... headers) throws Exception {
    var request = client.get(port, "127.0.0.1", path);
    for (int i = 0; i < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return request.send().await(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("every page has the skip link, the header and the language switch in its HTML, and no include left")
  void everyPageHasTheLayout() throws Exception {
    for (String page : PAGES) {
      HttpResponse<Buffer> response = get(page);
      assertEquals(200, response.statusCode(), page);
      assertTrue(response.getHeader("Content-Type").startsWith("text/html"), page);
      assertEquals("no-cache", response.getHeader("Cache-Control"), page);
      String html = response.bodyAsString();
      assertFalse(html.contains("<!--#"), page + " still has an include");
      assertTrue(html.contains("<meta charset=\"utf-8\">") && html.contains("href=\"/css/site.css\""), page + ": head");
      assertTrue(html.indexOf("class=\"skip-link\" href=\"#main\"") < html.indexOf("<header class=\"site-header\">")
        && html.contains("id=\"language-switcher\"") && html.contains("<main id=\"main\""), page + ": header");
    }
    assertTrue(get("/handlaggare/").bodyAsString().contains("href=\"/handlaggare/\" data-i18n=\"staff.brand\""),
      "staff pages have the staff header");
  }

  @Test
  @DisplayName("a revalidation with the page's ETag is a 304; other files and addresses are the static handler's")
  void revalidationAndTheRest() throws Exception {
    HttpResponse<Buffer> page = get("/logga-in/index.html");
    String etag = page.getHeader("ETag");
    assertEquals(get("/logga-in/").getHeader("ETag"), etag);
    assertEquals(304, get("/logga-in/", "If-None-Match", etag).statusCode());
    assertEquals(200, get("/logga-in/", "If-None-Match", "\"other\"").statusCode());
    assertEquals(301, get("/logga-in").statusCode());
    assertEquals(200, get("/css/site.css").statusCode());
    assertEquals(404, get("/finns-inte.html").statusCode());
    assertEquals(404, get("/finns-inte/").statusCode());
  }

  @Test
  @DisplayName("a page naming a part that does not exist is a server error, never a page with a hole")
  void missingPart(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("index.html"), "<body><!--#include virtual=\"/layout/nothing.html\" --></body>");
    Router router = Router.router(vertx);
    router.route().handler(new PageLayout(root.toString())::handle);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    try {
      assertEquals(500, client.get(server.actualPort(), "127.0.0.1", "/").send().await(10, TimeUnit.SECONDS).statusCode());
    } finally {
      server.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("only directory and .html addresses are pages, and none outside the web root")
  void pageFiles() {
    Map.of("/", Optional.of("/index.html"), "/ansokan/", Optional.of("/ansokan/index.html"),
        "/a/b.html", Optional.of("/a/b.html"), "/css/site.css", Optional.<String>empty(),
        "/ansokan", Optional.<String>empty(), "/.git/", Optional.<String>empty(), "/a/../b.html", Optional.<String>empty(),
        "relative.html", Optional.<String>empty())
      .forEach((path, file) -> assertEquals(file, PageLayout.pageFile(path), path));
    assertEquals("<p>[head] a [x$1] b</p>", PageLayout.expand(
      "<p><!--#include virtual=\"/layout/head.html\" --> a <!--#include virtual=\"/layout/x.html\" --> b</p>",
      name -> name.equals("/layout/head.html") ? "[head]\n" : "[x$1]"));
  }
}
