package se.socialportal.rules;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.casework.delegation.DelegationMatrix;
import se.socialportal.casework.delegation.MotiveringTemplate;
import se.socialportal.norm.CostCaps;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Prisbasbelopp;
import se.socialportal.norm.Riksnorm;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.ConfigException;
import se.socialportal.platform.config.Setting;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The robot's rules, loaded once at startup and immutable afterwards (safe to share between verticles). The question
 * it answers: which rules are in force for tenant T in month M — {@link #inForce} for the robot, {@link #normRules}
 * for a calculation alone.
 */
public final class RuleBook {

  private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

  final Timeline<Riksnorm> riksnorm = new Timeline<>();
  final Timeline<Prisbasbelopp> prisbasbelopp = new Timeline<>();
  final Timeline<IncomeClassification> incomes = new Timeline<>();
  final Timeline<WarningRules> warnings = new Timeline<>();
  final Timeline<List<MotiveringTemplate>> motivering = new Timeline<>();
  private final Map<String, TenantRules> tenants = new TreeMap<>();
  private final String location;

  RuleBook(String location) {
    this.location = location;
  }

  /**
   * Loads robots/ (ROBOTS_DIR, else ./robots, else the jar's copy) on a worker thread, and checks that DEFAULT_TENANT
   * has rules. Fails with {@link RuleBookException} or {@link ConfigException}, whose one-line message Main prints.
   */
  public static Future<RuleBook> load(Vertx vertx, AppConfig config) {
    String robotsDir = config.string(Setting.ROBOTS_DIR);
    String defaultTenant = config.required(Setting.DEFAULT_TENANT);
    return vertx.executeBlocking(() -> {
      RuleBook book;
      try (RuleSource source = RuleSource.configured(robotsDir)) {
        book = load(source);
      }
      if (!book.hasTenant(defaultTenant)) {
        throw new ConfigException(Setting.DEFAULT_TENANT.name(), "tenant '" + defaultTenant + "' has no rules in "
          + book.location() + "/tenants/ (known: " + book.tenants() + ")");
      }
      LOG.info("Rules loaded from {}: tenants {}", book.location(), book.tenants());
      return book;
    }, false);
  }

  /** Blocking: reads and validates everything under the source. */
  public static RuleBook load(RuleSource source) {
    return RuleBookLoader.load(source);
  }

  /** Blocking: a robots/ folder. */
  public static RuleBook load(Path robotsDir) {
    try (RuleSource source = RuleSource.directory(robotsDir)) {
      return load(source);
    }
  }

  public String location() {
    return location;
  }

  public Set<String> tenants() {
    return Set.copyOf(tenants.keySet());
  }

  public boolean hasTenant(String tenant) {
    return tenants.containsKey(tenant);
  }

  /** Every tenant's details in force in the month (tenants without a tenant file in force are left out). */
  public List<TenantDetails> tenantDetails(YearMonth month) {
    List<TenantDetails> details = new ArrayList<>();
    tenants.values().forEach(rules -> rules.details.inForce(month).ifPresent(details::add));
    details.sort(java.util.Comparator.comparing(TenantDetails::id));
    return details;
  }

  /**
   * The rules a norm calculation for the tenant and month uses. A tenant without a caps file in force gets no caps
   * ({@link CostCaps#none()}).
   *
   * @throws UnknownTenantException    the tenant has no rules
   * @throws RulesNotInForceException  no riksnorm, prisbasbelopp or income classification covers the month
   */
  public NormRules normRules(String tenant, YearMonth month) {
    TenantRules rules = existing(tenant);
    return new NormRules(
      require(riksnorm.inForce(month), RuleKind.RIKSNORM, month),
      require(prisbasbelopp.inForce(month), RuleKind.PRISBASBELOPP, month),
      rules.caps.inForce(month).orElse(CostCaps.none()),
      require(incomes.inForce(month), RuleKind.INCOME_CLASSIFICATION, month));
  }

  /** Everything the robot needs for a beslutsförslag for the tenant and month (stickprov and automation default to none). */
  public RulesInForce inForce(String tenant, YearMonth month) {
    TenantRules rules = existing(tenant);
    return new RulesInForce(tenant, month, normRules(tenant, month),
      require(warnings.inForce(month), RuleKind.WARNING_RULES, month),
      rules.stickprov.inForce(month).orElse(StickprovRule.none()),
      rules.automation.inForce(month).orElse(AutomationRule.none()));
  }

  /** The prisbasbelopp of the month's year (also for delegation tiers such as "half a prisbasbelopp"). */
  public Optional<Prisbasbelopp> prisbasbelopp(YearMonth month) {
    return prisbasbelopp.inForce(month);
  }

  /**
   * The tenant's delegation matrix in force on the day, with that year's prisbasbelopp for bands given as a share of
   * it. Empty when the tenant has none in force: then nothing is delegated and only the nämnd decides.
   */
  public Optional<DelegationMatrix> delegation(String tenant, LocalDate day) {
    TenantRules rules = tenants.get(tenant);
    if (rules == null) {
      return Optional.empty();
    }
    YearMonth month = YearMonth.from(day);
    return rules.delegation.inForce(month).map(matrix -> prisbasbelopp.inForce(month)
      .map(pbb -> matrix.withPrisbasbelopp(pbb.year(), pbb.amount())).orElse(matrix));
  }

  /** Every delegation matrix version a tenant has had (to name the rows of past decisions). */
  public List<DelegationMatrix> delegationVersions(String tenant) {
    TenantRules rules = tenants.get(tenant);
    return rules == null ? List.of() : rules.delegation.all().stream().map(Dated::value).toList();
  }

  /** The motivering templates in force on the day, with their version. */
  public Optional<Dated<List<MotiveringTemplate>>> motiveringTemplates(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return motivering.all().stream().filter(dated -> dated.period().covers(month)).findFirst();
  }

  /** The income classification in force, e.g. to offer the income types in a form. */
  public Optional<IncomeClassification> incomeClassification(YearMonth month) {
    return incomes.inForce(month);
  }

  TenantRules tenant(String tenant) {
    return tenants.computeIfAbsent(tenant, id -> new TenantRules());
  }

  private TenantRules existing(String tenant) {
    TenantRules rules = tenants.get(tenant);
    if (rules == null) {
      throw new UnknownTenantException(tenant);
    }
    return rules;
  }

  private static <T> T require(Optional<T> value, RuleKind kind, YearMonth month) {
    return value.orElseThrow(() -> new RulesNotInForceException(kind, month));
  }
}
