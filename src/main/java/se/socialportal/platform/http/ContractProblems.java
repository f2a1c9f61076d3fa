package se.socialportal.platform.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Parameter;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.json.SchemaErrors;

import java.util.List;

/**
 * What the contract's refusals are called: the codes the rooms and their clients already use. A value of another
 * kind is {@code wrong_type} (as {@link JsonFields} answers); otherwise the failing keyword decides (required,
 * unknown_field, unknown_value, invalid_value, too_small, too_large, too_long, too_many) unless the contract names the
 * room's own code for the value:
 * <ul>
 *   <li>{@code x-error: <code>} on a property schema or a parameter: the field code the room answers for that value
 *       (missing, not one of the allowed values, wrong format, out of range; not for another kind);</li>
 *   <li>{@code x-error-field: <path>} beside it: the field the room names for those, where that is not the value's
 *       own path;</li>
 *   <li>{@code x-request-error: <code>} on a property schema or a parameter: the room refuses the whole request with
 *       this code (400, no fields) whatever is wrong with the value, e.g. a missing Idempotency-Key.</li>
 * </ul>
 */
final class ContractProblems {

  static final String FIELD_CODE = "x-error";
  static final String FIELD = "x-error-field";
  static final String REQUEST_CODE = "x-request-error";

  private ContractProblems() {
  }

  /**
   * Adds the problems of one parameter's value (null: not sent) to {@code problems}; returns a refusal of the whole
   * request instead when the parameter's failure is not a field problem (a path that names nothing, a request code).
   */
  static ApiException parameter(Parameter parameter, String raw, Validator validator, List<FieldProblem> problems) {
    JsonObject model = parameter.getOpenAPIModel();
    if (raw == null) {
      return parameter.isRequired() ? problem(model, parameter, "required", null, problems) : null;
    }
    OutputUnit result = validator.validate(typed(parameter, raw));
    if (Boolean.TRUE.equals(result.getValid())) {
      return null;
    }
    JsonObject schema = model.getJsonObject("schema", new JsonObject());
    for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(result)) {
      ApiException refused = problem(model, parameter, leaf.keyword(), schema, problems);
      if (refused != null) {
        return refused;
      }
    }
    return null;
  }

  private static ApiException problem(JsonObject model, Parameter parameter, String keyword, JsonObject schema,
                                      List<FieldProblem> problems) {
    if (parameter.getIn() == Location.PATH) {
      return ApiException.notFound();
    }
    if (model.getString(REQUEST_CODE) != null) {
      return ApiException.badRequest(model.getString(REQUEST_CODE));
    }
    problems.add(field(parameter.getName(), keyword, model.getString(FIELD_CODE), schema));
    return null;
  }

  /** Query and header values are text; a parameter declared as a number or boolean is read as one. */
  private static Object typed(Parameter parameter, String raw) {
    SchemaType type = parameter.getSchemaType();
    if (type == SchemaType.STRING || type == SchemaType.OBJECT || type == SchemaType.ARRAY) {
      return raw;
    }
    try {
      return Json.decodeValue(raw);
    } catch (DecodeException e) {
      return raw;
    }
  }

  /** Adds the body's problems to {@code problems}, or returns the room's refusal of the whole request. */
  static ApiException body(OutputUnit result, JsonObject schema, List<FieldProblem> problems) {
    for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(result)) {
      JsonObject at = schemaAt(schema, leaf.pointer());
      if (at != null && at.getString(REQUEST_CODE) != null) {
        return ApiException.badRequest(at.getString(REQUEST_CODE));
      }
      boolean roomsField = at != null && at.getString(FIELD) != null && !leaf.keyword().equals("type");
      String name = roomsField ? at.getString(FIELD) : SchemaErrors.fieldPath(leaf.pointer());
      problems.add(field(name, leaf.keyword(), at == null ? null : at.getString(FIELD_CODE), at));
    }
    return null;
  }

  private static FieldProblem field(String field, String keyword, String roomCode, JsonObject schema) {
    if (keyword.equals("type")) {
      return new FieldProblem(field, "wrong_type");
    }
    Object limit = schema == null ? null : schema.getValue(keyword);
    List<Object> args = limit instanceof Number ? List.of(limit) : List.of();
    if (roomCode != null) {
      return new FieldProblem(field, roomCode, args);
    }
    switch (keyword) {
      case "required":
      case "minLength":
      case "minItems":
        return new FieldProblem(field, "required");
      case "additionalProperties":
        return new FieldProblem(field, "unknown_field");
      case "enum":
      case "const":
        return new FieldProblem(field, "unknown_value");
      case "minimum":
      case "exclusiveMinimum":
        return new FieldProblem(field, "too_small", args);
      case "maximum":
      case "exclusiveMaximum":
        return new FieldProblem(field, "too_large");
      case "maxLength":
        return new FieldProblem(field, "too_long", args);
      case "maxItems":
        return new FieldProblem(field, "too_many", args);
      default:
        return new FieldProblem(field, "invalid_value");
    }
  }

  /** The schema of the value at a JSON pointer into the body (through properties and items), or null. */
  static JsonObject schemaAt(JsonObject schema, String pointer) {
    JsonObject current = schema;
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty() || current == null) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      JsonObject properties = current.getJsonObject("properties");
      if (properties != null && properties.getValue(name) instanceof JsonObject) {
        current = properties.getJsonObject(name);
      } else if (name.matches("[0-9]+") && current.getValue("items") instanceof JsonObject) {
        current = current.getJsonObject("items");
      } else if (current.getValue("additionalProperties") instanceof JsonObject) {
        current = current.getJsonObject("additionalProperties");
      } else {
        current = null;
      }
    }
    return current;
  }
}
