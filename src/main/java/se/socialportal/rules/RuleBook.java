package se.socialportal.rules;

import se.socialportal.norm.CostCaps;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.NormRules;
import se.socialportal.norm.Prisbasbelopp;
import se.socialportal.norm.Riksnorm;
import se.socialportal.rules.delegation.DelegationMatrix;
import se.socialportal.rules.delegation.MotiveringTemplate;

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
 * The rules of robots/ as read at one moment, immutable (safe to share between verticles; {@link CurrentRuleBook}
 * swaps in a new one when the files change). The question it answers: which rules are in force for tenant T in
 * month M — {@link #inForce} for the robot, {@link #normRules} for a calculation alone, {@link #gaps} for what is
 * still missing.
 */
public final class RuleBook {

  final Timeline<Riksnorm> riksnorm = new Timeline<>();
  final Timeline<Prisbasbelopp> prisbasbelopp = new Timeline<>();
  final Timeline<IncomeClassification> incomes = new Timeline<>();
  final Timeline<WarningRules> warnings = new Timeline<>();
  final Timeline<List<MotiveringTemplate>> motivering = new Timeline<>();
  final Timeline<RobotMotivering> robotMotivering = new Timeline<>();
  final Timeline<se.socialportal.rules.delegation.Lagrum> lagrum = new Timeline<>();
  private final Map<String, TenantRules> tenants = new TreeMap<>();
  private final List<LoadedRuleFile> files = new ArrayList<>();
  private final String location;

  RuleBook(String location) {
    this.location = location;
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

  /** Every file the book was read from, with its version and period (for the record of each load). */
  public List<LoadedRuleFile> files() {
    return List.copyOf(files);
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
   * The rules a norm calculation for the tenant and month uses. A tenant that has never had a caps file gets no caps
   * ({@link CostCaps#none()}); one whose caps files end before the month has not decided that year's caps yet.
   *
   * @throws UnknownTenantException    the tenant has no rules
   * @throws RulesNotInForceException  no riksnorm, prisbasbelopp or income classification covers the month, or the
   *                                   tenant's caps files do not reach it
   */
  public NormRules normRules(String tenant, YearMonth month) {
    TenantRules rules = existing(tenant);
    return new NormRules(
      require(riksnorm, RuleKind.RIKSNORM, month),
      require(prisbasbelopp, RuleKind.PRISBASBELOPP, month),
      tenantRule(rules.caps, RuleKind.CAPS, tenant, month).orElse(CostCaps.none()),
      require(incomes, RuleKind.INCOME_CLASSIFICATION, month));
  }

  /**
   * Everything the robot needs for a beslutsförslag for the tenant and month. Stickprov and automation default to
   * none for a tenant that has never had such a file; a tenant whose stickprov files end before the month waits for
   * the new one rather than silently sampling nobody.
   */
  public RulesInForce inForce(String tenant, YearMonth month) {
    TenantRules rules = existing(tenant);
    return new RulesInForce(tenant, month, normRules(tenant, month),
      require(warnings, RuleKind.WARNING_RULES, month),
      tenantRule(rules.stickprov, RuleKind.STICKPROV, tenant, month).orElse(StickprovRule.none()),
      rules.automation.inForce(month).orElse(AutomationRule.none()),
      require(robotMotivering, RuleKind.ROBOT_MOTIVERING, month));
  }

  /**
   * What is missing for the month: every national kind the robot or casework needs that no file covers, and every
   * tenant kind (caps, stickprov, delegation, payment calendar) a tenant has files of but none covering the month. Empty when the
   * month can be handled in full.
   */
  public List<RuleGap> gaps(YearMonth month) {
    List<RuleGap> gaps = new ArrayList<>();
    addGap(gaps, riksnorm, RuleKind.RIKSNORM, null, month);
    addGap(gaps, prisbasbelopp, RuleKind.PRISBASBELOPP, null, month);
    addGap(gaps, incomes, RuleKind.INCOME_CLASSIFICATION, null, month);
    addGap(gaps, warnings, RuleKind.WARNING_RULES, null, month);
    addGap(gaps, robotMotivering, RuleKind.ROBOT_MOTIVERING, null, month);
    tenants.forEach((id, rules) -> {
      addGap(gaps, rules.caps, RuleKind.CAPS, id, month);
      addGap(gaps, rules.stickprov, RuleKind.STICKPROV, id, month);
      addGap(gaps, rules.delegation, RuleKind.DELEGATION, id, month);
      addGap(gaps, rules.payments, RuleKind.PAYMENT_CALENDAR, id, month);
    });
    return gaps;
  }

  private static void addGap(List<RuleGap> gaps, Timeline<?> timeline, RuleKind kind, String tenant, YearMonth month) {
    boolean required = tenant == null || !timeline.isEmpty();
    if (required && timeline.inForce(month).isEmpty()) {
      gaps.add(new RuleGap(kind, tenant, month));
    }
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

  /** The legal basis of each decision type in force on the day (robots/lagrum.json). */
  public Optional<se.socialportal.rules.delegation.Lagrum> lagrum(LocalDate day) {
    return lagrum.inForce(YearMonth.from(day));
  }

  /**
   * The tenant's payment calendar in force on the day. Empty when it has none: its granted decisions wait unpaid (and
   * show on the list of ej verkställda beslut) until a calendar says how to pay them.
   */
  public Optional<PaymentCalendar> paymentCalendar(String tenant, LocalDate day) {
    TenantRules rules = tenants.get(tenant);
    return rules == null ? Optional.empty() : rules.payments.inForce(YearMonth.from(day));
  }

  /** The motivering templates in force on the day, with their version. */
  public Optional<Dated<List<MotiveringTemplate>>> motiveringTemplates(LocalDate day) {
    YearMonth month = YearMonth.from(day);
    return motivering.all().stream().filter(dated -> dated.period().covers(month)).findFirst();
  }

  /** The tenant's familjerätt services and booking rules in force on the day; empty = it offers no bookings. */
  public Optional<FamiljerattRules> familjeratt(String tenant, LocalDate day) {
    TenantRules rules = tenants.get(tenant);
    return rules == null ? Optional.empty() : rules.familjeratt.inForce(YearMonth.from(day));
  }

  /** The tenant's target for forwarding appeals in force on the day; empty = the tenant has set none. */
  public Optional<AppealRules> overklagande(String tenant, LocalDate day) {
    TenantRules rules = tenants.get(tenant);
    return rules == null ? Optional.empty() : rules.overklagande.inForce(YearMonth.from(day));
  }

  /** The income classification in force, e.g. to offer the income types in a form. */
  public Optional<IncomeClassification> incomeClassification(YearMonth month) {
    return incomes.inForce(month);
  }

  void addFile(LoadedRuleFile file) {
    files.add(file);
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

  private static <T> T require(Timeline<T> timeline, RuleKind kind, YearMonth month) {
    return timeline.inForce(month).orElseThrow(() -> missing(timeline, kind, null, month));
  }

  private static RulesNotInForceException missing(Timeline<?> timeline, RuleKind kind, String tenant, YearMonth month) {
    boolean afterEveryFile = timeline.all().stream().allMatch(dated -> dated.period().end()
      .map(end -> YearMonth.from(end).isBefore(month)).orElse(false));
    return new RulesNotInForceException(kind, month, tenant, afterEveryFile);
  }

  /** The tenant's rule in force; empty when the tenant has no file of the kind at all; missing when its files end. */
  private static <T> Optional<T> tenantRule(Timeline<T> timeline, RuleKind kind, String tenant, YearMonth month) {
    if (timeline.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(timeline.inForce(month).orElseThrow(() -> missing(timeline, kind, tenant, month)));
  }
}
