package se.socialportal.rules;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The JSON Schemas of robots/schemas/, loaded into one repository so they can share common.schema.json. */
final class RuleSchemas {

  static final String BASE_URI = "https://socialportalen.se/robots/schemas/";
  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
    .setDraft(Draft.DRAFT202012)
    .setBaseUri(BASE_URI)
    .setOutputFormat(OutputFormat.Basic);

  private final Map<RuleKind, Validator> validators;

  private RuleSchemas(Map<RuleKind, Validator> validators) {
    this.validators = validators;
  }

  static RuleSchemas load(RuleSource source, Problems problems) {
    Path dir = source.root().resolve("schemas");
    SchemaRepository repository = SchemaRepository.create(OPTIONS);
    Path common = dir.resolve("common.schema.json");
    read(source, common, problems).ifPresent(schema -> dereference(repository, source, common, schema, problems));
    Map<RuleKind, Validator> validators = new EnumMap<>(RuleKind.class);
    for (RuleKind kind : RuleKind.values()) {
      Path file = dir.resolve(kind.schemaFile());
      read(source, file, problems).ifPresent(schema -> {
        if (dereference(repository, source, file, schema, problems)) {
          validators.put(kind, repository.validator(BASE_URI + kind.schemaFile()));
        }
      });
    }
    return new RuleSchemas(validators);
  }

  Optional<Validator> validator(RuleKind kind) {
    return Optional.ofNullable(validators.get(kind));
  }

  private static Optional<JsonObject> read(RuleSource source, Path file, Problems problems) {
    if (!Files.isRegularFile(file)) {
      problems.add(source.nameOf(file), "", "the schema is missing");
      return Optional.empty();
    }
    try {
      return Optional.of(new JsonObject(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (DecodeException e) {
      problems.add(source.nameOf(file), "", "not valid JSON: " + e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean dereference(SchemaRepository repository, RuleSource source, Path file, JsonObject schema,
                                     Problems problems) {
    String expectedId = BASE_URI + file.getFileName();
    if (!expectedId.equals(schema.getString("$id"))) {
      problems.add(source.nameOf(file), "/$id", "must be " + expectedId);
      return false;
    }
    try {
      repository.dereference(JsonSchema.of(schema));
      return true;
    } catch (SchemaException e) {
      problems.add(source.nameOf(file), "", "not a usable JSON Schema: " + e.getMessage());
      return false;
    }
  }
}
