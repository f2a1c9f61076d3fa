package se.socialportal.platform.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import se.socialportal.platform.json.SchemaErrors;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edge every JSON endpoint stands behind, so no handler meets a body it was not written for. A request that
 * changes something ({@code POST, PUT, PATCH, DELETE} under /api/) is refused before any handler runs when
 * <ul>
 *   <li>it declares another media type than {@code application/json} (415) — form posts, text/plain and no
 *       Content-Type with a body included; multipart only on the routes that take uploads ({@link #acceptsUpload});</li>
 *   <li>its body is larger than BODY_LIMIT_KB (413);</li>
 *   <li>its body is not strict JSON (400 {@code malformed_json}: no comments, no trailing content) or not an object
 *       ({@code json_object_expected}), repeats a key ({@code json_duplicate_key}), nests deeper than
 *       {@value #MAX_DEPTH} ({@code json_too_deep}), holds a number beyond a long or a double
 *       ({@code number_out_of_range}) or a string with NUL or a lone surrogate ({@code invalid_characters}; PostgreSQL
 *       stores neither).</li>
 * </ul>
 * Handlers then read the body with {@code ctx.body().asJsonObject()} and its fields with {@link JsonFields}.
 */
public final class JsonRequests {

  static final int MAX_DEPTH = 32;
  private static final String UPLOAD = "socialportal.upload";
  private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
    HttpMethod.DELETE);
  private static final JsonFactory STRICT = JsonFactory.builder()
    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).maxNumberLength(64).build())
    .build();

  private final BodyHandler bodies;
  private volatile List<Pattern> uploadPaths = List.of();

  private JsonRequests(int bodyLimitBytes) {
    this.bodies = BodyHandler.create(false).setBodyLimit(bodyLimitBytes);
  }

  /** Mounts the edge on /api/*; call {@link #learnUploads} once every room has mounted its routes. */
  static JsonRequests mount(Router router, int bodyLimitBytes) {
    JsonRequests edge = new JsonRequests(bodyLimitBytes);
    router.route("/api/*").handler(edge::mediaType).handler(edge::body).handler(edge::strictJson);
    return edge;
  }

  /** Marks a route as one that takes a multipart upload (it reads the request itself, with its own limits). */
  public static Route acceptsUpload(Route route) {
    return route.putMetadata(UPLOAD, true);
  }

  /** The upload routes, found by their mark among the mounted routes. */
  void learnUploads(List<Route> routes) {
    uploadPaths = routes.stream().filter(route -> Boolean.TRUE.equals(route.getMetadata(UPLOAD)))
      .map(route -> pattern(route.getPath())).toList();
  }

  /** "/a/:id/files" → a pattern for "/a/<one segment>/files", with or without a trailing slash, as Vert.x routes. */
  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        regex.append('/').append(segment.startsWith(":") ? "[^/]+" : Pattern.quote(segment));
      }
    }
    return Pattern.compile(regex + "/?");
  }

  private void mediaType(RoutingContext ctx) {
    if (!CHANGING.contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("multipart/form-data") && ctx.request().method() == HttpMethod.POST
      && uploadPaths.stream().anyMatch(path -> path.matcher(ctx.request().path()).matches())) {
      ctx.put(UPLOAD, true);
      ctx.next();
      return;
    }
    if (type != null && !(media.equals("application/json") && utf8(type))) {
      ctx.fail(ApiException.of(415, "unsupported_media_type"));
      return;
    }
    ctx.next();
  }

  private void body(RoutingContext ctx) {
    if (Boolean.TRUE.equals(ctx.get(UPLOAD))) {
      ctx.next();
    } else {
      bodies.handle(ctx);
    }
  }

  private void strictJson(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (Boolean.TRUE.equals(ctx.get(UPLOAD)) || !CHANGING.contains(ctx.request().method()) || body == null
      || body.length() == 0) {
      ctx.next();
      return;
    }
    if (ctx.request().getHeader("Content-Type") == null) {
      ctx.fail(ApiException.of(415, "unsupported_media_type"));
      return;
    }
    ApiException problem = check(body);
    if (problem == null) {
      ctx.next();
    } else {
      ctx.fail(problem);
    }
  }

  private static boolean utf8(String contentType) {
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.strip().split("=", 2);
      if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")
        && !pair[1].strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
        return false;
      }
    }
    return true;
  }

  /** Null when the body is a strict JSON object this application can store; otherwise why not. */
  static ApiException check(Buffer body) {
    try (JsonParser parser = STRICT.createParser(body.getBytes())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return ApiException.badRequest("json_object_expected");
      }
      Deque<Set<String>> names = new ArrayDeque<>();
      names.push(new HashSet<>());
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        ApiException problem = check(parser, token, names);
        if (problem != null) {
          return problem;
        }
        if (names.isEmpty()) {
          break;
        }
      }
      if (parser.nextToken() != null) {
        return ApiException.badRequest("malformed_json");
      }
      return null;
    } catch (JsonProcessingException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("nesting depth")) {
        return ApiException.badRequest("json_too_deep", MAX_DEPTH);
      }
      if (message.contains("Number value length")) {
        return ApiException.badRequest("number_out_of_range");
      }
      return ApiException.badRequest("malformed_json");
    } catch (IOException e) {
      return ApiException.badRequest("malformed_json");
    }
  }

  private static ApiException check(JsonParser parser, JsonToken token, Deque<Set<String>> names) throws IOException {
    switch (token) {
      case START_OBJECT:
        names.push(new HashSet<>());
        return depth(names);
      case START_ARRAY:
        // Arrays hold no names; the marker keeps the depth count right.
        names.push(Set.of());
        return depth(names);
      case END_OBJECT:
      case END_ARRAY:
        names.pop();
        return null;
      case FIELD_NAME:
        if (!storable(parser.currentName())) {
          return ApiException.invalid(field(parser), "invalid_characters");
        }
        return names.peek().add(parser.currentName()) ? null
          : ApiException.invalid(field(parser), "json_duplicate_key");
      case VALUE_STRING:
        return storable(parser.getText()) ? null : ApiException.invalid(field(parser), "invalid_characters");
      case VALUE_NUMBER_INT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? ApiException.invalid(field(parser), "number_out_of_range") : null;
      case VALUE_NUMBER_FLOAT:
        return Double.isFinite(parser.getDoubleValue()) ? null
          : ApiException.invalid(field(parser), "number_out_of_range");
      default:
        return null;
    }
  }

  private static ApiException depth(Deque<Set<String>> names) {
    return names.size() > MAX_DEPTH ? ApiException.badRequest("json_too_deep", MAX_DEPTH) : null;
  }

  /** No NUL (PostgreSQL text and jsonb cannot hold it) and no half of a surrogate pair (not Unicode). */
  static boolean storable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static String field(JsonParser parser) {
    return SchemaErrors.fieldPath(parser.getParsingContext().pathAsPointer().toString());
  }
}
