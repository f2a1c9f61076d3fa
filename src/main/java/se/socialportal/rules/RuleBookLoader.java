package se.socialportal.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads robots/ into a {@link RuleBook}: schemas, then every file (placement, JSON, schema), then what spans files
 * (unique versions, no overlapping periods per kind and tenant, every national kind present), then each file's own
 * semantic checks. Any problem refuses the whole book.
 */
final class RuleBookLoader {

  private static final Set<RuleKind> REQUIRED_NATIONAL = EnumSet.of(RuleKind.RIKSNORM, RuleKind.PRISBASBELOPP,
    RuleKind.INCOME_CLASSIFICATION, RuleKind.WARNING_RULES, RuleKind.ROBOT_MOTIVERING, RuleKind.LAGRUM);

  private RuleBookLoader() {
  }

  static RuleBook load(RuleSource source) {
    Problems problems = new Problems();
    RuleSchemas schemas = RuleSchemas.load(source, problems);
    List<RuleFile> files = new RuleFileReader(source, schemas, problems).readAll();
    acrossFiles(source, files, problems);
    RuleBook book = new RuleBook(source.displayName());
    for (RuleFile file : files) {
      add(book, file, problems);
      book.addFile(new LoadedRuleFile(file.name(), file.kind(), file.tenant(), file.version(), file.period()));
    }
    problems.throwIfAny();
    return book;
  }

  private static void acrossFiles(RuleSource source, List<RuleFile> files, Problems problems) {
    Map<String, List<RuleFile>> groups = new LinkedHashMap<>();
    for (RuleFile file : files) {
      groups.computeIfAbsent(file.kind().key() + "@" + Objects.toString(file.tenant(), ""), key -> new ArrayList<>())
        .add(file);
    }
    for (List<RuleFile> group : groups.values()) {
      Map<String, RuleFile> versions = new HashMap<>();
      for (RuleFile file : group) {
        RuleFile same = versions.putIfAbsent(file.version(), file);
        if (same != null) {
          problems.add(file, "/version", "version '" + file.version() + "' is also used by " + same.name());
        }
      }
      List<RuleFile> sorted = new ArrayList<>(group);
      sorted.sort(Comparator.comparing(file -> file.period().from()));
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          if (sorted.get(i).period().overlaps(sorted.get(j).period())) {
            RuleFile later = sorted.get(j);
            problems.add(later, "/effectiveFrom", "its period " + later.period() + " overlaps "
              + sorted.get(i).name() + " (" + sorted.get(i).period() + "); a month must have one "
              + later.kind().key() + (later.tenant() == null ? "" : " per tenant"));
          }
        }
      }
    }
    Set<RuleKind> present = EnumSet.noneOf(RuleKind.class);
    files.forEach(file -> present.add(file.kind()));
    for (RuleKind kind : REQUIRED_NATIONAL) {
      if (!present.contains(kind) && problems.isEmpty()) {
        problems.add(source.displayName(), "", "no valid " + kind.key() + " file");
      }
    }
  }

  private static TenantDetails tenantDetails(RuleFile file) {
    var json = file.json();
    var contact = json.getJsonObject("contact");
    return new TenantDetails(file.tenant(), file.version(), json.getString("name"), json.getString("namnd"),
      java.util.Optional.ofNullable(json.getString("kommunkod")),
      java.util.Optional.ofNullable(json.getString("organisationsnummer")), contact.getString("postalAddress"),
      contact.getString("phone"), contact.getString("email"),
      java.util.Optional.ofNullable(contact.getString("openingHours")),
      java.util.Optional.ofNullable(contact.getInteger("replyDays")));
  }

  private static void add(RuleBook book, RuleFile file, Problems problems) {
    switch (file.kind()) {
      case RIKSNORM -> {
        var riksnorm = NormTableReader.riksnorm(file, problems);
        if (riksnorm != null) {
          book.riksnorm.add(dated(file, riksnorm));
        }
      }
      case PRISBASBELOPP -> book.prisbasbelopp.add(dated(file, NormTableReader.prisbasbelopp(file, problems)));
      case INCOME_CLASSIFICATION ->
        book.incomes.add(dated(file, IncomeClassificationReader.classification(file, problems)));
      case WARNING_RULES -> book.warnings.add(dated(file, PolicyReader.warnings(file, problems)));
      case CAPS -> book.tenant(file.tenant()).caps.add(dated(file, CapsReader.caps(file, problems)));
      case STICKPROV -> book.tenant(file.tenant()).stickprov.add(dated(file, PolicyReader.stickprov(file, problems)));
      case AUTOMATION -> book.tenant(file.tenant()).automation.add(dated(file, PolicyReader.automation(file)));
      case DELEGATION -> DelegationReader.matrix(file, problems)
        .ifPresent(matrix -> book.tenant(file.tenant()).delegation.add(dated(file, matrix)));
      case TENANT -> book.tenant(file.tenant()).details.add(dated(file, tenantDetails(file)));
      case MOTIVERING_TEMPLATES -> book.motivering.add(dated(file, DelegationReader.templates(file, problems)));
      case PAYMENT_CALENDAR -> book.tenant(file.tenant()).payments.add(dated(file,
        PaymentCalendarReader.calendar(file, problems)));
      case ROBOT_MOTIVERING -> book.robotMotivering.add(dated(file, RobotMotiveringReader.read(file, problems)));
      case LAGRUM -> book.lagrum.add(dated(file, DelegationReader.lagrum(file)));
      case FAMILJERATT -> book.tenant(file.tenant()).familjeratt.add(dated(file, FamiljerattReader.rules(file, problems)));
      case OVERKLAGANDE -> book.tenant(file.tenant()).overklagande.add(dated(file,
        new AppealRules(file.version(), file.json().getInteger("forwardWithinDays"))));
    }
  }

  private static <T> Dated<T> dated(RuleFile file, T value) {
    return new Dated<>(file.version(), file.period(), value);
  }
}
