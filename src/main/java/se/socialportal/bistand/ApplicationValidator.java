package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks application content: first against the JSON Schema (the contract the robot reads too), then the rules a
 * schema cannot express (real dates, not in the future, children under 21, umgänge days, people that exist). Each
 * problem names the field by its JSON path ({@code household.children[1].birthDate}) and a code whose text
 * ({@code field.<code>}) is plain Swedish or English.
 *
 * <p>A {@link Mode#DRAFT} check reports only what is wrong with what is there (nothing is missing in a draft); a
 * {@link Mode#FULL} check, before signing, also requires everything the schema requires.
 */
public final class ApplicationValidator {

  public enum Mode { DRAFT, FULL }

  /** What the check needs besides the content: the month applied for, today, whether a co-applicant is named. */
  public record Context(YearMonth month, LocalDate today, boolean coApplicantNamed) {
  }

  private static final List<String> SECTION_ORDER = List.of("coApplicant", "household", "housing", "incomes", "costs",
    "assets", "needs", "message", "declaration", "attachments");

  private final JsonObject schema;
  private final Validator validator;

  /** The server's validator: the schema is read once, on a worker, at startup. */
  public static Future<ApplicationValidator> load(Vertx vertx) {
    return vertx.executeBlocking(ApplicationValidator::new, false);
  }

  /** Blocking: reads the schema from the classpath (tests; the server uses {@link #load}). */
  public ApplicationValidator() {
    this.schema = loadSchema();
    this.validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("https://socialportalen.se/").setOutputFormat(OutputFormat.Basic));
  }

  public JsonObject schema() {
    return schema.copy();
  }

  public List<FieldProblem> validate(JsonObject content, Mode mode, Context context) {
    Map<String, FieldProblem> problems = new LinkedHashMap<>();
    schemaProblems(content, mode, problems);
    new SemanticChecks(content, mode, context, problems).run();
    List<FieldProblem> sorted = new ArrayList<>(problems.values());
    sorted.sort(Comparator.comparing(problem -> sortKey(problem.field())));
    return sorted;
  }

  /** The schema's verdict in this form's words: one problem per field (the first wins), as SchemaErrors reduces it. */
  private void schemaProblems(JsonObject content, Mode mode, Map<String, FieldProblem> problems) {
    OutputUnit result = validator.validate(content);
    if (Boolean.TRUE.equals(result.getValid())) {
      return;
    }
    for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(result)) {
      String path = SchemaErrors.fieldPath(leaf.pointer());
      code(leaf, path, mode, content).ifPresent(code -> problems.putIfAbsent(path, code.equals("too_long")
        ? new FieldProblem(path, code, limit(leaf, 200))
        : code.equals("too_many") ? new FieldProblem(path, code, limit(leaf, 10)) : new FieldProblem(path, code)));
    }
  }

  /** The code for one failing keyword; empty when this mode does not report it (nothing is missing in a draft). */
  private static Optional<String> code(SchemaErrors.Leaf leaf, String path, Mode mode, JsonObject content) {
    switch (leaf.keyword()) {
      case "required":
        return mode == Mode.FULL ? Optional.of(path.equals("declaration") ? "declaration_required" : "required")
          : Optional.empty();
      case "const":
        return mode == Mode.FULL || content.getValue("declaration") != null ? Optional.of("declaration_required")
          : Optional.empty();
      case "type":
        return Optional.of(leaf.schemaLocation().contains("$defs/amount") ? "amount_invalid"
          : path.endsWith("daysPerMonth") ? "days_per_month" : "invalid");
      case "enum":
        return Optional.of("choose_option");
      case "pattern":
        return Optional.of(path.endsWith("Date") ? "date_invalid" : "invalid");
      case "minimum":
        return Optional.of(path.endsWith("daysPerMonth") ? "days_per_month" : "amount_negative");
      case "maximum":
        return Optional.of(path.endsWith("daysPerMonth") ? "days_per_month" : "amount_too_large");
      case "multipleOf":
        return Optional.of("amount_precision");
      case "maxLength":
        return Optional.of("too_long");
      case "maxItems":
        return Optional.of("too_many");
      case "additionalProperties":
        return Optional.of("unknown_field");
      default:
        return Optional.empty();
    }
  }

  /** The limit a maxLength or maxItems names, read from the schema at the failing keyword. */
  private int limit(SchemaErrors.Leaf leaf, int fallback) {
    String location = leaf.schemaLocation();
    if (location.contains("#")) {
      Object value = JsonPointer.from(location.substring(location.indexOf('#') + 1)).queryJson(schema);
      if (value instanceof Number) {
        return ((Number) value).intValue();
      }
    }
    return fallback;
  }

  /** Orders problems as the form shows the fields, so the error summary reads top to bottom. */
  static String sortKey(String field) {
    String section = field.split("[.\\[]", 2)[0];
    int index = SECTION_ORDER.indexOf(section);
    Matcher numbers = Pattern.compile("\\[(\\d+)]").matcher(field);
    StringBuilder padded = new StringBuilder();
    while (numbers.find()) {
      numbers.appendReplacement(padded, "[" + String.format("%03d", Integer.parseInt(numbers.group(1))) + "]");
    }
    numbers.appendTail(padded);
    return String.format("%02d", index < 0 ? 99 : index) + padded;
  }

  private static JsonObject loadSchema() {
    try (InputStream in = ApplicationValidator.class.getResourceAsStream("/schemas/application-content.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("schemas/application-content.schema.json is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an array that may be missing or of the wrong type in a draft. */
  static JsonArray array(JsonObject parent, String key) {
    Object value = parent == null ? null : parent.getValue(key);
    return value instanceof JsonArray ? (JsonArray) value : new JsonArray();
  }

  static JsonObject object(JsonObject parent, String key) {
    Object value = parent == null ? null : parent.getValue(key);
    return value instanceof JsonObject ? (JsonObject) value : null;
  }
}
