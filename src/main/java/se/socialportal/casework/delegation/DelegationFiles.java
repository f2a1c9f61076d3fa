package se.socialportal.casework.delegation;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads casework's robots/ files: tenants/&lt;id&gt;/delegation-*.json and motivering-templates.json, each validated
 * against its JSON Schema in robots/schemas/ and then checked for what a schema cannot say (levels exist, bands
 * ascend, versions and periods do not collide). Every problem is collected and reported at once, naming the file,
 * the JSON pointer and what is wrong; any problem stops startup. Blocking: run on a worker thread.
 */
public final class DelegationFiles {

  private static final String BASE_URI = "https://socialportalen.se/robots/schemas/";
  private static final Pattern TENANT = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");
  private static final Set<String> SUMMARY_KEYWORDS = Set.of("properties", "items", "$ref", "allOf", "anyOf", "oneOf",
    "additionalProperties", "prefixItems", "not");

  private final RobotsRoot root;
  private final List<String> problems = new ArrayList<>();
  private final SchemaRepository schemas;

  private DelegationFiles(RobotsRoot root) {
    this.root = root;
    this.schemas = SchemaRepository.create(new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri(BASE_URI)
      .setOutputFormat(OutputFormat.Basic));
  }

  public static CaseworkRules load(RobotsRoot root) {
    return new DelegationFiles(root).read();
  }

  private CaseworkRules read() {
    Optional<Validator> delegationSchema = schema("delegation.schema.json");
    Optional<Validator> templateSchema = schema("motivering-templates.schema.json");
    Map<String, List<DelegationMatrix>> byTenant = new LinkedHashMap<>();
    Path tenants = root.path().resolve("tenants");
    for (Path file : files(tenants)) {
      Path relative = tenants.relativize(file);
      if (relative.getNameCount() != 2 || !relative.getFileName().toString().startsWith("delegation-")) {
        continue;
      }
      String tenant = relative.getName(0).toString();
      String name = root.nameOf(file);
      if (!TENANT.matcher(tenant).matches()) {
        problems.add(name + ": '" + tenant + "' is not a tenant id");
        continue;
      }
      delegationSchema.flatMap(validator -> valid(file, validator))
        .flatMap(json -> DelegationMatrixReader.read(tenant, name, json, problems))
        .ifPresent(matrix -> byTenant.computeIfAbsent(tenant, key -> new ArrayList<>()).add(matrix));
    }
    byTenant.forEach(this::checkVersions);
    Path templatesFile = root.path().resolve("motivering-templates.json");
    List<MotiveringTemplate> templates = new ArrayList<>();
    String templatesVersion = "";
    if (!Files.isRegularFile(templatesFile)) {
      problems.add(root.nameOf(templatesFile) + ": is missing");
    } else {
      Optional<JsonObject> json = templateSchema.flatMap(validator -> valid(templatesFile, validator));
      if (json.isPresent()) {
        templatesVersion = json.get().getString("version");
        templates = templates(root.nameOf(templatesFile), json.get());
      }
    }
    if (!problems.isEmpty()) {
      throw new CaseworkRulesException(problems);
    }
    Map<String, List<DelegationMatrix>> sorted = new HashMap<>();
    byTenant.forEach((tenant, list) -> sorted.put(tenant,
      list.stream().sorted(Comparator.comparing(DelegationMatrix::effectiveFrom).reversed()).toList()));
    return new CaseworkRules(sorted, templatesVersion, templates);
  }

  private void checkVersions(String tenant, List<DelegationMatrix> matrices) {
    Set<String> versions = new HashSet<>();
    List<DelegationMatrix> byStart = matrices.stream().sorted(Comparator.comparing(DelegationMatrix::effectiveFrom)).toList();
    for (int i = 0; i < byStart.size(); i++) {
      DelegationMatrix matrix = byStart.get(i);
      if (!versions.add(matrix.version())) {
        problems.add("robots/tenants/" + tenant + ": version '" + matrix.version() + "' is used twice");
      }
      if (i + 1 < byStart.size()) {
        LocalDate nextFrom = byStart.get(i + 1).effectiveFrom();
        if (matrix.effectiveTo().map(to -> !to.isBefore(nextFrom)).orElse(true)) {
          problems.add("robots/tenants/" + tenant + ": delegation " + matrix.version() + " must end (effectiveTo) before "
            + byStart.get(i + 1).version() + " starts on " + nextFrom + ": a day has one delegation matrix");
        }
      }
    }
  }

  private List<MotiveringTemplate> templates(String name, JsonObject json) {
    List<MotiveringTemplate> list = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonArray array = json.getJsonArray("templates");
    for (int i = 0; i < array.size(); i++) {
      JsonObject template = array.getJsonObject(i);
      if (!ids.add(template.getString("id"))) {
        problems.add(name + " /templates/" + i + "/id: '" + template.getString("id") + "' is used twice");
      }
      List<String> basis = new ArrayList<>();
      template.getJsonArray("legalBasis").forEach(value -> basis.add((String) value));
      list.add(new MotiveringTemplate(template.getString("id"), template.getString("outcome"),
        template.getString("label"), template.getString("reasonCode"), basis, template.getString("text")));
    }
    return list;
  }

  private Optional<Validator> schema(String file) {
    Path path = root.path().resolve("schemas").resolve(file);
    try {
      JsonObject schema = new JsonObject(Files.readString(path, StandardCharsets.UTF_8));
      if (!(BASE_URI + file).equals(schema.getString("$id"))) {
        problems.add(root.nameOf(path) + " /$id: must be " + BASE_URI + file);
        return Optional.empty();
      }
      schemas.dereference(JsonSchema.of(schema));
      return Optional.of(schemas.validator(BASE_URI + file));
    } catch (IOException e) {
      problems.add(root.nameOf(path) + ": the schema is missing or unreadable");
    } catch (DecodeException e) {
      problems.add(root.nameOf(path) + ": not valid JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      problems.add(root.nameOf(path) + ": not a usable JSON Schema: " + e.getMessage());
    }
    return Optional.empty();
  }

  private Optional<JsonObject> valid(Path file, Validator validator) {
    String name = root.nameOf(file);
    JsonObject json;
    try {
      json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      problems.add(name + ": not valid JSON: " + e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    OutputUnit result = validator.validate(json);
    if (Boolean.TRUE.equals(result.getValid())) {
      return Optional.of(json);
    }
    Set<String> found = new LinkedHashSet<>();
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    for (OutputUnit error : errors) {
      String keyword = keyword(error);
      if (SUMMARY_KEYWORDS.contains(keyword) && errors.size() > 1) {
        continue;
      }
      String pointer = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().replaceFirst("^#", "");
      found.add(name + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + error.getError());
    }
    if (found.isEmpty()) {
      found.add(name + ": does not match its schema");
    }
    problems.addAll(found);
    return Optional.empty();
  }

  private static String keyword(OutputUnit error) {
    String location = error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
    int slash = location.lastIndexOf('/');
    return slash < 0 ? location : location.substring(slash + 1);
  }

  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(path -> path.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Reads a schema-valid delegation file into a matrix and checks what the schema cannot. */
  static final class DelegationMatrixReader {

    private DelegationMatrixReader() {
    }

    static Optional<DelegationMatrix> read(String tenant, String name, JsonObject json, List<String> problems) {
      int before = problems.size();
      List<DelegationMatrix.Level> levels = new ArrayList<>();
      Set<String> levelCodes = new HashSet<>();
      JsonArray levelArray = json.getJsonArray("levels");
      for (int i = 0; i < levelArray.size(); i++) {
        JsonObject level = levelArray.getJsonObject(i);
        if (!levelCodes.add(level.getString("level"))) {
          problems.add(name + " /levels/" + i + "/level: '" + level.getString("level") + "' is declared twice");
        }
        Set<String> roles = new LinkedHashSet<>();
        level.getJsonArray("roles").forEach(role -> roles.add((String) role));
        levels.add(new DelegationMatrix.Level(level.getString("level"), level.getString("label"), roles));
      }
      Map<Integer, BigDecimal> prisbasbelopp = new HashMap<>();
      JsonObject pbb = json.getJsonObject("prisbasbelopp", new JsonObject());
      pbb.forEach(entry -> prisbasbelopp.put(Integer.parseInt(entry.getKey()),
        new BigDecimal(entry.getValue().toString())));
      List<DelegationMatrix.Row> rows = new ArrayList<>();
      Set<String> rowIds = new HashSet<>();
      Map<DecisionType, BigDecimal> lastLimit = new HashMap<>();
      Set<DecisionType> unbounded = new HashSet<>();
      JsonArray rowArray = json.getJsonArray("rows");
      for (int i = 0; i < rowArray.size(); i++) {
        JsonObject row = rowArray.getJsonObject(i);
        String at = name + " /rows/" + i;
        DecisionType type = DecisionType.fromCode(row.getString("decisionType")).orElseThrow();
        if (!rowIds.add(row.getString("id"))) {
          problems.add(at + "/id: '" + row.getString("id") + "' is used twice");
        }
        String delegate = row.getString("delegate");
        if (!DelegationMatrix.SAME_AS_ORIGINAL.equals(delegate) && !levelCodes.contains(delegate)) {
          problems.add(at + "/delegate: '" + delegate + "' is not one of the levels " + levelCodes);
        }
        if (DelegationMatrix.SAME_AS_ORIGINAL.equals(delegate) && type != DecisionType.ATERKRAV) {
          problems.add(at + "/delegate: sameAsOriginal is only for återkrav");
        }
        Optional<BigDecimal> maxKronor = Optional.ofNullable(row.getValue("maxKronor")).map(v -> new BigDecimal(v.toString()));
        Optional<BigDecimal> maxShare = Optional.ofNullable(row.getValue("maxPrisbasbelopp")).map(v -> new BigDecimal(v.toString()));
        if (unbounded.contains(type)) {
          problems.add(at + ": a " + type.code() + " row after the band without upper limit can never apply");
        }
        if (maxKronor.isEmpty() && maxShare.isEmpty()) {
          unbounded.add(type);
        }
        if (maxKronor.isPresent()) {
          BigDecimal previous = lastLimit.put(type, maxKronor.get());
          if (previous != null && maxKronor.get().compareTo(previous) <= 0) {
            problems.add(at + "/maxKronor: bands of " + type.code() + " must ascend; " + maxKronor.get()
              + " is not above " + previous);
          }
        }
        if (maxShare.isPresent() && prisbasbelopp.isEmpty()) {
          problems.add(at + "/maxPrisbasbelopp: the file gives no prisbasbelopp to compute the limit from");
        }
        rows.add(new DelegationMatrix.Row(row.getString("id"), type, row.getString("label"), maxKronor, maxShare,
          delegate, row.getString("legalBasis"), row.getString("source")));
      }
      LocalDate from = LocalDate.parse(json.getString("effectiveFrom"));
      Optional<LocalDate> to = Optional.ofNullable(json.getString("effectiveTo")).map(LocalDate::parse);
      if (to.isPresent() && to.get().isBefore(from)) {
        problems.add(name + " /effectiveTo: is before effectiveFrom " + from);
      }
      if (problems.size() > before) {
        return Optional.empty();
      }
      return Optional.of(new DelegationMatrix(tenant, json.getString("version"), from, to, json.getString("source"),
        levels, rows, prisbasbelopp));
    }
  }
}
