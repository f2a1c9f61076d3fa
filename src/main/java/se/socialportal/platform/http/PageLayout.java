package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of webroot/ with their shared layout put in. A page names a shared part with a server-side include,
 * {@code <!--#include virtual="/layout/header.html" -->} (the syntax Apache's and nginx's SSI know), and is served
 * with the part in its place: the skip link, header and language switch are in the HTML itself, so screen readers,
 * browsers without JavaScript and the first paint all have them, and the files stay plain HTML with no build step.
 *
 * <p>Pages and parts are read through Vert.x's asynchronous file system (webroot/ in the working directory, else the
 * copy in the jar) the first time they are asked for and kept for the life of the process; an ETag lets a browser's
 * revalidation end in a 304. A part cannot include another part. Anything that is not a page goes on to the static
 * handler.
 */
final class PageLayout {

  static final Pattern INCLUDE = Pattern.compile("<!--#include virtual=\"(/layout/[a-z0-9-]+\\.html)\" -->");

  private final String root;
  private final Map<String, Future<Page>> pages = new ConcurrentHashMap<>();
  private final Map<String, Future<String>> parts = new ConcurrentHashMap<>();

  private record Page(Buffer body, String etag) {
  }

  PageLayout(String root) {
    this.root = root;
  }

  void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    Optional<String> file = pageFile(ctx.normalizedPath());
    if (file.isEmpty() || !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))) {
      ctx.next();
      return;
    }
    page(ctx.vertx().fileSystem(), file.get()).onComplete(loaded -> {
      if (loaded.failed()) {
        ctx.fail(loaded.cause());
      } else if (loaded.result() == null) {
        ctx.next();
      } else {
        send(ctx, loaded.result());
      }
    });
  }

  /** The file a request path names when it names a page: a directory's index.html or an .html file. */
  static Optional<String> pageFile(String path) {
    if (path == null || !path.startsWith("/") || path.contains("/.") || path.contains("\\") || path.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    if (path.endsWith("/")) {
      return Optional.of(path + "index.html");
    }
    return path.endsWith(".html") ? Optional.of(path) : Optional.empty();
  }

  /** The page with every include replaced by its part's text (a part is looked up by its virtual path). */
  static String expand(String page, Function<String, String> part) {
    Matcher matcher = INCLUDE.matcher(page);
    StringBuilder out = new StringBuilder(page.length() + 2048);
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(part.apply(matcher.group(1)).strip()));
    }
    return matcher.appendTail(out).toString();
  }

  /** The assembled page, or null when there is no such page (a page that is missing is not remembered). */
  private Future<Page> page(FileSystem files, String file) {
    return kept(pages, file, () -> files.readFile(root + file)
      .map(bytes -> Optional.of(bytes.toString(StandardCharsets.UTF_8)))
      .otherwise(Optional.empty())
      .compose(text -> text.isPresent() ? assemble(files, text.get()) : Future.succeededFuture(null)));
  }

  private Future<Page> assemble(FileSystem files, String text) {
    Set<String> named = new LinkedHashSet<>();
    Matcher matcher = INCLUDE.matcher(text);
    while (matcher.find()) {
      named.add(matcher.group(1));
    }
    List<String> order = new ArrayList<>(named);
    List<Future<String>> loads = order.stream().map(name -> part(files, name)).toList();
    return Future.all(loads).map(all -> {
      Map<String, String> byName = new HashMap<>();
      for (int i = 0; i < order.size(); i++) {
        byName.put(order.get(i), loads.get(i).result());
      }
      byte[] body = expand(text, byName::get).getBytes(StandardCharsets.UTF_8);
      return new Page(Buffer.buffer(body), etag(body));
    });
  }

  /** A part that is named but missing fails the page (a 500 that names the file), rather than serve it half-built. */
  private Future<String> part(FileSystem files, String name) {
    return kept(parts, name, () -> files.readFile(root + name)
      .map(bytes -> bytes.toString(StandardCharsets.UTF_8))
      .recover(failure -> Future.failedFuture(
        new IllegalStateException("page layout part missing: " + root + name, failure))));
  }

  /** What load gives for key, loaded once and kept; a failure or a null result is forgotten, to be tried again. */
  private static <T> Future<T> kept(Map<String, Future<T>> cache, String key, Supplier<Future<T>> load) {
    Future<T> known = cache.get(key);
    if (known != null) {
      return known;
    }
    Future<T> loading = load.get();
    cache.put(key, loading);
    loading.onComplete(done -> {
      if (done.failed() || done.result() == null) {
        cache.remove(key, loading);
      }
    });
    return loading;
  }

  private static void send(RoutingContext ctx, Page page) {
    HttpServerResponse response = ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
      .putHeader(HttpHeaders.ETAG, page.etag());
    if (page.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      response.setStatusCode(304).end();
    } else if (HttpMethod.HEAD.equals(ctx.request().method())) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(page.body().length())).end();
    } else {
      response.end(page.body());
    }
  }

  private static String etag(byte[] body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
