package se.socialportal.bistand;

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
  private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern ADDITIONAL_PROPERTY = Pattern.compile("Property \"([^\"]+)\" does not match additional");

  private final JsonObject schema;
  private final Validator validator;

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

  private void schemaProblems(JsonObject content, Mode mode, Map<String, FieldProblem> problems) {
    OutputUnit result = validator.validate(content);
    if (Boolean.TRUE.equals(result.getValid()) || result.getErrors() == null) {
      return;
    }
    List<OutputUnit> unknown = new ArrayList<>();
    for (OutputUnit error : result.getErrors()) {
      String keyword = lastSegment(error.getKeywordLocation());
      String path = path(error.getInstanceLocation());
      switch (keyword) {
        case "required": {
          if (mode == Mode.FULL) {
            Matcher matcher = REQUIRED_PROPERTY.matcher(String.valueOf(error.getError()));
            if (matcher.find()) {
              String field = path.isEmpty() ? matcher.group(1) : path + "." + matcher.group(1);
              problems.putIfAbsent(field, new FieldProblem(field,
                field.equals("declaration") ? "declaration_required" : "required"));
            }
          }
          break;
        }
        case "const":
          if (mode == Mode.FULL || content.getValue("declaration") != null) {
            problems.putIfAbsent(path, new FieldProblem(path, "declaration_required"));
          }
          break;
        case "type":
          problems.putIfAbsent(path, new FieldProblem(path, typeCode(error)));
          break;
        case "enum":
          problems.putIfAbsent(path, new FieldProblem(path, "choose_option"));
          break;
        case "pattern":
          problems.putIfAbsent(path, new FieldProblem(path, path.endsWith("Date") ? "date_invalid" : "invalid"));
          break;
        case "minimum":
          problems.putIfAbsent(path, new FieldProblem(path, path.endsWith("daysPerMonth") ? "days_per_month" : "amount_negative"));
          break;
        case "maximum":
          problems.putIfAbsent(path, new FieldProblem(path, path.endsWith("daysPerMonth") ? "days_per_month" : "amount_too_large"));
          break;
        case "multipleOf":
          problems.putIfAbsent(path, new FieldProblem(path, "amount_precision"));
          break;
        case "maxLength":
          problems.putIfAbsent(path, new FieldProblem(path, "too_long", limit(error, 200)));
          break;
        case "maxItems":
          problems.putIfAbsent(path, new FieldProblem(path, "too_many", limit(error, 10)));
          break;
        case "additionalProperties":
          unknown.add(error);
          break;
        default:
          break;
      }
    }
    // The validator also reports every property below a failing one as "not matching additionalProperties"; only a
    // property the schema does not declare at all is really unknown.
    for (OutputUnit error : unknown) {
      Matcher matcher = ADDITIONAL_PROPERTY.matcher(String.valueOf(error.getError()));
      String path = path(error.getInstanceLocation());
      if (matcher.find() && !declared(error.getKeywordLocation(), matcher.group(1))) {
        problems.putIfAbsent(path, new FieldProblem(path, "unknown_field"));
      }
    }
  }

  private boolean declared(String keywordLocation, String property) {
    String parent = keywordLocation.substring(1, keywordLocation.lastIndexOf('/'));
    Object node = JsonPointer.from(parent.replace("/$ref", "")).queryJson(schema);
    if (!(node instanceof JsonObject)) {
      return true;
    }
    JsonObject properties = ((JsonObject) node).getJsonObject("properties");
    return properties != null && properties.containsKey(property);
  }

  private String typeCode(OutputUnit error) {
    String location = error.getAbsoluteKeywordLocation() == null ? "" : error.getAbsoluteKeywordLocation();
    if (location.contains("$defs/amount")) {
      return "amount_invalid";
    }
    return error.getInstanceLocation().endsWith("daysPerMonth") ? "days_per_month" : "invalid";
  }

  private int limit(OutputUnit error, int fallback) {
    String absolute = error.getAbsoluteKeywordLocation();
    if (absolute != null && absolute.contains("#")) {
      Object value = JsonPointer.from(absolute.substring(absolute.indexOf('#') + 1)).queryJson(schema);
      if (value instanceof Number) {
        return ((Number) value).intValue();
      }
    }
    return fallback;
  }

  /** "#/household/children/1/birthDate" → "household.children[1].birthDate". */
  static String path(String instanceLocation) {
    String pointer = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    StringBuilder path = new StringBuilder();
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.chars().allMatch(Character::isDigit)) {
        path.append('[').append(segment).append(']');
      } else {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return path.toString();
  }

  private static String lastSegment(String location) {
    return location == null ? "" : location.substring(location.lastIndexOf('/') + 1);
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
