package se.socialportal.rules;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import se.socialportal.platform.json.SchemaErrors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds every rule file under robots/ (schemas/ aside), parses it, checks that it sits where its kind belongs, and
 * validates it against its kind's schema. National files may live anywhere outside tenants/; a tenant's files live
 * directly in tenants/&lt;tenant id&gt;/.
 */
final class RuleFileReader {

  /** Same rule as the tenant table's id (V1__platform_tenant_and_person.sql). */
  static final Pattern TENANT_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,39}$");

  private final RuleSource source;
  private final RuleSchemas schemas;
  private final Problems problems;

  RuleFileReader(RuleSource source, RuleSchemas schemas, Problems problems) {
    this.source = source;
    this.schemas = schemas;
    this.problems = problems;
  }

  List<RuleFile> readAll() {
    List<RuleFile> files = new ArrayList<>();
    for (Path file : jsonFiles()) {
      read(file).ifPresent(files::add);
    }
    return files;
  }

  private List<Path> jsonFiles() {
    Path root = source.root();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
        .filter(path -> path.getFileName().toString().endsWith(".json"))
        .filter(path -> !root.relativize(path).startsWith("schemas"))
        .sorted()
        .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private Optional<RuleFile> read(Path path) {
    String name = source.nameOf(path);
    Placement placement = placementOf(path, name);
    if (!placement.valid()) {
      return Optional.empty();
    }
    Optional<String> tenant = Optional.ofNullable(placement.tenant());
    Object parsed;
    try {
      parsed = Json.decodeValue(Files.readString(path, StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      problems.add(name, "", "not valid JSON: " + e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (!(parsed instanceof JsonObject)) {
      problems.add(name, "", "must be a JSON object");
      return Optional.empty();
    }
    JsonObject json = (JsonObject) parsed;
    Optional<RuleKind> kind = kindOf(json, name, tenant);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<Validator> validator = schemas.validator(kind.get());
    if (validator.isEmpty()) {
      return Optional.empty();
    }
    OutputUnit result = validator.get().validate(json);
    if (!Boolean.TRUE.equals(result.getValid())) {
      for (SchemaErrors.Leaf leaf : SchemaErrors.leaves(result)) {
        problems.add(name, leaf.pointer(), describe(leaf));
      }
      return Optional.empty();
    }
    return period(json, name).map(period ->
      new RuleFile(name, kind.get(), tenant.orElse(null), json.getString("version"), period, json));
  }

  /** Where a file sits: national (tenant null), a tenant's, or misplaced (not valid). */
  private record Placement(boolean valid, String tenant) {
  }

  private Placement placementOf(Path path, String name) {
    Path relative = source.root().relativize(path);
    if (!relative.getName(0).toString().equals("tenants")) {
      return new Placement(true, null);
    }
    if (relative.getNameCount() != 3) {
      problems.add(name, "", "a tenant's rule files belong directly in tenants/<tenant id>/");
      return new Placement(false, null);
    }
    String tenant = relative.getName(1).toString();
    if (!TENANT_ID.matcher(tenant).matches()) {
      problems.add(name, "", "'" + tenant + "' is not a tenant id (lower-case letters, digits and '-', 2–40 characters)");
      return new Placement(false, null);
    }
    return new Placement(true, tenant);
  }

  private Optional<RuleKind> kindOf(JsonObject json, String name, Optional<String> tenant) {
    Object value = json.getValue("kind");
    String known = Arrays.stream(RuleKind.values()).map(RuleKind::key).collect(Collectors.joining(", "));
    if (!(value instanceof String)) {
      problems.add(name, "/kind", "is required: one of " + known);
      return Optional.empty();
    }
    Optional<RuleKind> kind = RuleKind.fromKey((String) value);
    if (kind.isEmpty()) {
      problems.add(name, "/kind", "unknown kind '" + value + "': one of " + known);
    } else if (kind.get().perTenant() && tenant.isEmpty()) {
      problems.add(name, "/kind", "a " + value + " file belongs to a tenant: put it in tenants/<tenant id>/");
      return Optional.empty();
    } else if (!kind.get().perTenant() && tenant.isPresent()) {
      problems.add(name, "/kind", "a " + value + " file is national and must not be under tenants/");
      return Optional.empty();
    }
    return kind;
  }

  /** Rules change only between months: a calculation month never has two versions of a rule. */
  private Optional<EffectivePeriod> period(JsonObject json, String name) {
    LocalDate from = LocalDate.parse(json.getString("effectiveFrom"));
    LocalDate to = json.getString("effectiveTo") == null ? null : LocalDate.parse(json.getString("effectiveTo"));
    int before = problems.count();
    if (from.getDayOfMonth() != 1) {
      problems.add(name, "/effectiveFrom", "must be the first day of a month, got " + from);
    }
    if (to != null && !to.equals(to.withDayOfMonth(to.lengthOfMonth()))) {
      problems.add(name, "/effectiveTo", "must be the last day of a month, got " + to);
    }
    if (to != null && to.isBefore(from)) {
      problems.add(name, "/effectiveTo", "is before effectiveFrom " + from);
    }
    return problems.count() == before ? Optional.of(new EffectivePeriod(from, to)) : Optional.empty();
  }

  private static String describe(SchemaErrors.Leaf leaf) {
    switch (leaf.keyword()) {
      case "additionalProperties":
        return "unknown field (not in the schema)";
      case "required":
        return "is required but missing";
      default:
        return leaf.message() == null ? leaf.keyword() + " failed" : leaf.message();
    }
  }
}
