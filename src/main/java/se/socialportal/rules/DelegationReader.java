package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.Lagrum;
import se.socialportal.rules.delegation.DelegationMatrix;
import se.socialportal.rules.delegation.MotiveringTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Casework's kinds: a tenant's delegation matrix and the motivering templates, checked for what their schemas cannot
 * say — every delegate is a declared level, bands of a type ascend and nothing follows an unlimited band, ids are
 * unique, sameAsOriginal only for återkrav.
 */
final class DelegationReader {

  private DelegationReader() {
  }

  static Optional<DelegationMatrix> matrix(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    int before = problems.count();
    List<DelegationMatrix.Level> levels = new ArrayList<>();
    Set<String> levelCodes = new HashSet<>();
    JsonArray levelArray = json.getJsonArray("levels");
    for (int i = 0; i < levelArray.size(); i++) {
      JsonObject level = levelArray.getJsonObject(i);
      if (!levelCodes.add(level.getString("level"))) {
        problems.add(file, "/levels/" + i + "/level", "'" + level.getString("level") + "' is declared twice");
      }
      Set<String> roles = new LinkedHashSet<>();
      level.getJsonArray("roles").forEach(role -> roles.add((String) role));
      levels.add(new DelegationMatrix.Level(level.getString("level"), level.getString("label"), roles));
    }
    List<DelegationMatrix.Row> rows = new ArrayList<>();
    Set<String> rowIds = new HashSet<>();
    Map<DecisionType, BigDecimal> lastLimit = new HashMap<>();
    Set<DecisionType> unlimited = new HashSet<>();
    JsonArray rowArray = json.getJsonArray("rows");
    for (int i = 0; i < rowArray.size(); i++) {
      JsonObject row = rowArray.getJsonObject(i);
      String at = "/rows/" + i;
      DecisionType type = DecisionType.fromCode(row.getString("decisionType")).orElseThrow();
      if (!rowIds.add(row.getString("id"))) {
        problems.add(file, at + "/id", "'" + row.getString("id") + "' is used twice");
      }
      String delegate = row.getString("delegate");
      if (!DelegationMatrix.SAME_AS_ORIGINAL.equals(delegate) && !levelCodes.contains(delegate)) {
        problems.add(file, at + "/delegate", "'" + delegate + "' is not one of the levels " + levelCodes);
      }
      if (DelegationMatrix.SAME_AS_ORIGINAL.equals(delegate) && type != DecisionType.ATERKRAV) {
        problems.add(file, at + "/delegate", "sameAsOriginal is only for återkrav");
      }
      Optional<BigDecimal> maxKronor = Optional.ofNullable(row.getValue("maxKronor")).map(v -> new BigDecimal(v.toString()));
      Optional<BigDecimal> maxShare = Optional.ofNullable(row.getValue("maxPrisbasbelopp"))
        .map(v -> new BigDecimal(v.toString()));
      if (unlimited.contains(type)) {
        problems.add(file, at, "a " + type.code() + " row after the band without upper limit can never apply");
      }
      if (maxKronor.isEmpty() && maxShare.isEmpty()) {
        unlimited.add(type);
      }
      if (maxKronor.isPresent()) {
        BigDecimal previous = lastLimit.put(type, maxKronor.get());
        if (previous != null && maxKronor.get().compareTo(previous) <= 0) {
          problems.add(file, at + "/maxKronor", "bands of " + type.code() + " must ascend; " + maxKronor.get()
            + " is not above " + previous);
        }
      }
      rows.add(new DelegationMatrix.Row(row.getString("id"), type, row.getString("label"), maxKronor, maxShare,
        delegate, row.getString("legalBasis"), row.getString("source")));
    }
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(new DelegationMatrix(file.tenant(), file.version(), file.period().from(),
      Optional.ofNullable(json.getString("effectiveTo")).map(LocalDate::parse), json.getString("source"), levels, rows,
      Map.of()));
  }

  static List<MotiveringTemplate> templates(RuleFile file, Problems problems) {
    List<MotiveringTemplate> list = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonArray array = file.json().getJsonArray("templates");
    for (int i = 0; i < array.size(); i++) {
      JsonObject template = array.getJsonObject(i);
      if (!ids.add(template.getString("id"))) {
        problems.add(file, "/templates/" + i + "/id", "'" + template.getString("id") + "' is used twice");
      }
      List<String> basis = new ArrayList<>();
      template.getJsonArray("legalBasis").forEach(value -> basis.add((String) value));
      list.add(new MotiveringTemplate(template.getString("id"), template.getString("outcome"),
        template.getString("label"), template.getString("reasonCode"), basis, template.getString("text")));
    }
    return List.copyOf(list);
  }

  /** robots/lagrum.json: the schema requires an entry for every decision type. */
  static Lagrum lagrum(RuleFile file) {
    java.util.Map<DecisionType, Lagrum.Entry> entries =
      new java.util.EnumMap<>(DecisionType.class);
    JsonObject types = file.json().getJsonObject("decisionTypes");
    for (DecisionType type : DecisionType.values()) {
      JsonObject entry = types.getJsonObject(type.code());
      List<String> cite = new ArrayList<>();
      entry.getJsonArray("cite").forEach(value -> cite.add((String) value));
      entries.put(type, new Lagrum.Entry(entry.getString("short"), cite,
        entry.getBoolean("verified"), entry.getString("source")));
    }
    return new Lagrum(file.version(), file.json().getString("source"), entries);
  }
}
