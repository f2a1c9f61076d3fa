package se.socialportal.platform.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import se.socialportal.platform.http.ApiContract.Checks;
import se.socialportal.platform.http.ApiContract.ParameterCheck;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every /api request the contract describes against it before the route's handler runs: path, query and
 * header parameters and the JSON body, answered as the rooms answer ({@link ContractProblems}). A path parameter
 * that breaks its schema names nothing: 404, as the rooms answer a malformed id. Requests that do not bring the
 * credentials the operation requires (its session cookie, its CSRF header) are left to the route, which refuses them
 * with 401 or 403 before anything is said about their content. Uploads (multipart) are read by their route; only
 * their parameters are checked here. Runs on the event loop: the validators were built when the contract was loaded.
 */
final class ContractValidation {

  private final ApiContract contract;

  ContractValidation(ApiContract contract) {
    this.contract = contract;
  }

  void handle(RoutingContext ctx) {
    Checks checks = contract.find(ctx.request().method(), ctx.normalizedPath());
    if (checks == null || checks.parameters().isEmpty() && checks.body() == null
      || !credentialsPresent(checks.operation(), ctx.request())) {
      ctx.next();
      return;
    }
    ApiException problem = check(ctx, checks);
    if (problem == null) {
      ctx.next();
    } else {
      ctx.fail(problem);
    }
  }

  private ApiException check(RoutingContext ctx, Checks checks) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    String[] segments = ctx.normalizedPath().substring(1).split("/");
    for (ParameterCheck check : checks.parameters()) {
      Parameter parameter = check.parameter();
      String raw = raw(ctx, parameter, checks.operation(), segments);
      ApiException refused = ContractProblems.parameter(parameter, raw, check.validator(), problems);
      if (refused != null) {
        return refused;
      }
    }
    if (checks.body() != null && !isUpload(ctx) && ctx.body() != null && ctx.body().length() > 0) {
      JsonObject body = ctx.body().asJsonObject();
      OutputUnit result = checks.body().validate(body);
      if (!Boolean.TRUE.equals(result.getValid())) {
        ApiException refused = ContractProblems.body(result, checks.bodySchema(), problems);
        if (refused != null) {
          return refused;
        }
      }
    }
    return problems.isEmpty() ? null : ApiException.invalid(new ArrayList<>(new LinkedHashSet<>(problems)));
  }

  /** The parameter's value as sent (decoded), or null when the request does not have it. */
  private static String raw(RoutingContext ctx, Parameter parameter, Operation operation, String[] segments) {
    switch (parameter.getIn()) {
      case PATH:
        String[] template = operation.getAbsoluteOpenAPIPath().substring(1).split("/");
        for (int i = 0; i < template.length && i < segments.length; i++) {
          if (template[i].equals("{" + parameter.getName() + "}")) {
            return decode(segments[i]);
          }
        }
        return null;
      case QUERY:
        return ctx.queryParams().get(parameter.getName());
      case HEADER:
        return ctx.request().getHeader(parameter.getName());
      default:
        var cookie = ctx.request().getCookie(parameter.getName());
        return cookie == null ? null : cookie.getValue();
    }
  }

  /** A path segment as the router decodes it; undecodable percent signs stay as they are (and fail the schema). */
  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  private static boolean isUpload(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
  }

  /**
   * True when the request brings what one of the operation's security requirements names (a cookie, a header): an
   * operation without requirements, or with an empty alternative, is open to everyone.
   */
  private boolean credentialsPresent(Operation operation, HttpServerRequest request) {
    List<SecurityRequirement> requirements = operation.getSecurityRequirements();
    if (requirements == null || requirements.isEmpty()) {
      return true;
    }
    for (SecurityRequirement requirement : requirements) {
      Set<String> names = requirement.getNames();
      if (names.stream().allMatch(name -> present(contract.openApi().securityScheme(name), request))) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(SecurityScheme scheme, HttpServerRequest request) {
    if (scheme == null || !"apiKey".equals(scheme.getType())) {
      return true;
    }
    switch (String.valueOf(scheme.getIn())) {
      case "cookie":
        return request.getCookie(scheme.getName()) != null;
      case "header":
        return request.getHeader(scheme.getName()) != null;
      case "query":
        return request.getParam(scheme.getName()) != null;
      default:
        return true;
    }
  }
}
