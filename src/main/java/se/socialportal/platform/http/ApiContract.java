package se.socialportal.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's contract: {@code src/main/resources/openapi/openapi.yaml} (served at /api/v1/openapi.yaml), read and
 * checked against the OpenAPI 3.1 schema by vertx-openapi once at startup, with a validator ready for every parameter
 * and JSON request body, so that {@link ContractValidation} checks each request without building anything.
 */
public final class ApiContract {

  static final String RESOURCE = "/openapi/openapi.yaml";
  /** On a request body: the room checks it field by field against this JSON Schema itself, with its own codes. */
  static final String VALIDATED_BY = "x-validated-by";

  /** What a request to one operation is checked against. */
  record Checks(Operation operation, List<ParameterCheck> parameters, Validator body, JsonObject bodySchema) {
  }

  record ParameterCheck(Parameter parameter, Validator validator) {
  }

  private final OpenAPIContract contract;
  private final Map<Operation, Checks> checks;
  /** Operations on paths without parameters, by path and method: found without the contract's path search. */
  private final Map<String, Map<HttpMethod, Checks>> literal = new HashMap<>();

  private ApiContract(OpenAPIContract contract, Map<Operation, Checks> checks) {
    this.contract = contract;
    this.checks = checks;
    checks.forEach((operation, check) -> {
      String path = operation.getAbsoluteOpenAPIPath();
      if (!path.contains("{")) {
        literal.computeIfAbsent(path, ignored -> new HashMap<>()).put(operation.getHttpMethod(), check);
      }
    });
  }

  /** The contract from the classpath: read and parsed on a worker, never on an event loop. */
  public static Future<ApiContract> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, false).compose(document -> from(vertx, document))
      .recover(failure -> Future.failedFuture(new IllegalStateException("the API contract " + RESOURCE
        + " is not valid OpenAPI: " + failure.getMessage(), failure)));
  }

  /** YAML as JSON; dates and times stay the text they are written as (JSON has no dates). */
  public static JsonObject parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    SafeConstructor constructor = new SafeConstructor(options) {
      {
        yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
      }
    };
    Object document = new Yaml(constructor).load(yaml);
    if (!(document instanceof Map)) {
      throw new IllegalArgumentException("the document is not a YAML mapping");
    }
    return (JsonObject) json(document);
  }

  private static Object json(Object yaml) {
    if (yaml instanceof Map) {
      Map<String, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) yaml).forEach((key, value) -> map.put(String.valueOf(key), json(value)));
      return new JsonObject(map);
    }
    if (yaml instanceof List) {
      List<Object> list = new ArrayList<>();
      ((List<?>) yaml).forEach(value -> list.add(json(value)));
      return new JsonArray(list);
    }
    return yaml;
  }

  /** Validates the document against the OpenAPI schema and prepares the checks (the heavy parts on workers). */
  public static Future<ApiContract> from(Vertx vertx, JsonObject document) {
    return OpenAPIContract.from(vertx, forLoader(document)).compose(contract -> vertx.executeBlocking(() -> {
      Map<Operation, Checks> checks = new IdentityHashMap<>();
      for (Operation operation : contract.operations()) {
        checks.put(operation, checks(contract, operation));
      }
      return new ApiContract(contract, checks);
    }, false));
  }

  /**
   * The document as vertx-openapi 5.0 can load it. It needs an absolute server URL ("/" is the default server and
   * means the same base path: none) and knows only JSON, multipart, text and octet-stream as media types, so the
   * response bodies of other types (PDF, CSV, SVG, YAML) lose their content description here. Requests are checked
   * against parameters and request bodies, which stay as written.
   */
  static JsonObject forLoader(JsonObject document) {
    JsonObject copy = document.copy();
    JsonArray servers = copy.getJsonArray("servers");
    if (servers != null && servers.stream().allMatch(server -> server instanceof JsonObject
      && String.valueOf(((JsonObject) server).getValue("url")).startsWith("/"))) {
      copy.remove("servers");
    }
    copy.getJsonObject("paths", new JsonObject()).forEach(path -> {
      if (path.getValue() instanceof JsonObject) {
        ((JsonObject) path.getValue()).forEach(operation -> {
          if (operation.getValue() instanceof JsonObject) {
            JsonObject responses = ((JsonObject) operation.getValue()).getJsonObject("responses", new JsonObject());
            responses.forEach(response -> {
              JsonObject content = response.getValue() instanceof JsonObject
                ? ((JsonObject) response.getValue()).getJsonObject("content") : null;
              if (content != null) {
                content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
              }
            });
          }
        });
      }
    });
    return copy;
  }

  private static Checks checks(OpenAPIContract contract, Operation operation) {
    List<ParameterCheck> parameters = new ArrayList<>();
    for (Parameter parameter : operation.getParameters()) {
      parameters.add(new ParameterCheck(parameter, contract.getSchemaRepository().validator(parameter.getSchema())));
    }
    // The path first: an address that names nothing is 404 whatever else is wrong with the request.
    parameters.sort(Comparator.comparing(check -> check.parameter().getIn() != Location.PATH));
    RequestBody body = operation.getRequestBody();
    MediaType json = body == null || body.getOpenAPIModel().containsKey(VALIDATED_BY) ? null
      : body.getContent().get("application/json");
    if (json == null || json.getSchema() == null) {
      return new Checks(operation, parameters, null, null);
    }
    JsonSchema schema = json.getSchema();
    return new Checks(operation, parameters, contract.getSchemaRepository().validator(schema),
      json.getOpenAPIModel().getJsonObject("schema"));
  }

  /** The operation a request is for, or null when the contract does not describe it. */
  Checks find(HttpMethod method, String path) {
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    Map<HttpMethod, Checks> byMethod = literal.get(trimmed);
    Checks found = byMethod == null ? null : byMethod.get(method);
    if (found != null) {
      return found;
    }
    Operation operation = contract.findOperation(trimmed, method);
    return operation == null ? null : checks.get(operation);
  }

  public OpenAPIContract openApi() {
    return contract;
  }
}
