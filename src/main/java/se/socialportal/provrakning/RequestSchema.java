package se.socialportal.provrakning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import se.socialportal.platform.http.ApiException.FieldProblem;
import se.socialportal.platform.json.SchemaErrors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Validates a provräkning request at the edge against schemas/provrakning-request.schema.json and says, per field, what
 * a person must change: "persons[2].birthDate: invalid_date" rather than the validator's "String does not match format".
 */
final class RequestSchema {

  static final String RESOURCE = "/schemas/provrakning-request.schema.json";

  private final Validator validator;
  private final JsonObject schema;

  private RequestSchema(Validator validator, JsonObject schema) {
    this.validator = validator;
    this.schema = schema;
  }

  /** Reads the schema from the classpath on a worker (once per process, before the routes exist). */
  static Future<RequestSchema> load(Vertx vertx) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = RequestSchema.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        return new RequestSchema(Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
          .setDraft(Draft.DRAFT202012)
          .setBaseUri("https://socialportalen.se/schemas/")
          .setOutputFormat(OutputFormat.Basic)), schema);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, false);
  }

  /** "You can give at most N": the N is the list's maxItems in the schema (persons and incomes are top-level lists). */
  private FieldProblem tooMany(SchemaErrors.Leaf leaf) {
    String field = SchemaErrors.fieldPath(leaf.pointer());
    JsonObject property = schema.getJsonObject("properties", new JsonObject()).getJsonObject(field);
    return property != null && property.getInteger("maxItems") != null
      ? new FieldProblem(field, "too_many", property.getInteger("maxItems"))
      : new FieldProblem(field, "invalid_value");
  }

  List<FieldProblem> problems(JsonObject body) {
    OutputUnit result = validator.validate(body);
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    LinkedHashSet<FieldProblem> problems = new LinkedHashSet<>();
    for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(result)) {
      problems.add(leaf.keyword().equals("maxItems") ? tooMany(leaf) : problem(leaf, body));
    }
    return new ArrayList<>(problems);
  }

  private static FieldProblem problem(SchemaErrors.Leaf leaf, JsonObject body) {
    String field = SchemaErrors.fieldPath(leaf.pointer());
    String name = leaf.pointer().substring(leaf.pointer().lastIndexOf('/') + 1);
    switch (leaf.keyword()) {
      case "additionalProperties":
        return new FieldProblem(field, "unknown_field");
      case "required":
      case "minItems":
        return new FieldProblem(field, "required");
      case "type":
        return new FieldProblem(field, "wrong_type");
      case "enum":
        return new FieldProblem(field, name.equals("role") ? "unknown_role" : "unknown_value");
      case "format":
      case "pattern":
        switch (name) {
          case "month":
            return new FieldProblem(field, "invalid_month");
          case "birthDate":
            return new FieldProblem(field, "invalid_date");
          case "type":
            return new FieldProblem(field, "unknown_income_type", String.valueOf(valueAt(body, leaf.pointer())));
          default:
            return new FieldProblem(field, "invalid_value");
        }
      case "minimum":
        if (name.equals("umgangeDays")) {
          return new FieldProblem(field, "too_small", 1);
        }
        return name.equals("person")
          ? new FieldProblem(field, "unknown_person", String.valueOf(valueAt(body, leaf.pointer())))
          : new FieldProblem(field, "negative");
      case "maximum":
        return name.equals("person")
          ? new FieldProblem(field, "unknown_person", String.valueOf(valueAt(body, leaf.pointer())))
          : new FieldProblem(field, "too_large");
      default:
        return new FieldProblem(field, "invalid_value");
    }
  }

  /** The value a JSON pointer names in the body, or null. */
  private static Object valueAt(JsonObject body, String pointer) {
    Object current = body;
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (current instanceof JsonObject) {
        current = ((JsonObject) current).getValue(segment);
      } else if (current instanceof JsonArray && segment.matches("[0-9]+")) {
        JsonArray array = (JsonArray) current;
        int index = Integer.parseInt(segment);
        current = index < array.size() ? array.getValue(index) : null;
      } else {
        return null;
      }
    }
    return current;
  }
}
