package se.socialportal.provrakning;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import se.socialportal.norm.CostType;
import se.socialportal.norm.HouseholdRole;
import se.socialportal.norm.IncomeClassification;
import se.socialportal.norm.IncomeTreatment;
import se.socialportal.norm.NormEngine;
import se.socialportal.norm.NormResult;
import se.socialportal.norm.NormRules;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.config.Setting;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.ClientAddress;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RateLimiter;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.rules.LineTexts;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RuleKind;
import se.socialportal.rules.RulesNotInForceException;
import se.socialportal.rules.UnknownTenantException;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * POST /api/v1/provrakning — anyone may estimate their right to försörjningsstöd, without logging in. Rate-limited
 * per client address (the calculation is cheap, but an open endpoint must not be a free load generator).
 * GET /api/v1/provrakning/options — the income and cost types the page offers, in the reader's language.
 */
public final class ProvrakningRoutes implements RoutesModule {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

  private final Supplier<RuleBook> rules;
  private final String defaultTenant;
  private final Clock clock;
  private final RateLimiter limiter;
  private final ClientAddress clientAddress;
  private final RequestSchema schema;

  private ProvrakningRoutes(Supplier<RuleBook> rules, String defaultTenant, Clock clock, RateLimiter limiter,
                            ClientAddress clientAddress, RequestSchema schema) {
    this.rules = rules;
    this.defaultTenant = defaultTenant;
    this.clock = clock;
    this.limiter = limiter;
    this.clientAddress = clientAddress;
    this.schema = schema;
  }

  /** Built once per process: the request schema is read on a worker before the routes exist. */
  public static Future<ProvrakningRoutes> create(Vertx vertx, AppConfig config, Pool pool, Clock clock,
                                                 Supplier<RuleBook> rules, ClientAddress clientAddress) {
    String defaultTenant = config.required(Setting.DEFAULT_TENANT);
    RateLimiter limiter = new RateLimiter(pool, clock, "provrakning",
      config.integer(Setting.PROVRAKNING_RATE_PER_MINUTE, 1, 100_000), Duration.ofMinutes(1));
    return RequestSchema.load(vertx)
      .map(schema -> new ProvrakningRoutes(rules, defaultTenant, clock, limiter, clientAddress, schema));
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/provrakning").handler(this::calculate);
    router.get("/api/v1/provrakning/options").handler(this::options);
  }

  private void calculate(RoutingContext ctx) {
    Future<JsonObject> answer = limiter.check(clientAddress.of(ctx))
      .map(allowed -> {
        JsonObject body = jsonBody(ctx);
        List<ApiException.FieldProblem> problems = schema.problems(body);
        if (!problems.isEmpty()) {
          throw ApiException.invalid(problems);
        }
        RuleBook book = rules.get();
        String tenant = tenant(ctx, book);
        YearMonth month = YearMonth.parse(body.getString("month"));
        NormRules norm = normRules(book, tenant, month);
        ProvrakningRequest request = RequestReader.read(body, month, norm);
        NormResult result = NormEngine.calculate(request.input(), norm);
        return ResultJson.of(tenant, request, result, norm, Messages.language(ctx));
      });
    Responses.reply(ctx, answer);
  }

  private void options(RoutingContext ctx) {
    Responses.reply(ctx, Future.succeededFuture().map(ignored -> {
      String language = Messages.language(ctx);
      YearMonth month = month(ctx.request().getParam("month"));
      RuleBook book = rules.get();
      String tenant = tenant(ctx, book);
      IncomeClassification incomes = book.incomeClassification(month)
        .orElseThrow(() -> rulesMissing(new RulesNotInForceException(RuleKind.INCOME_CLASSIFICATION, month)));
      JsonArray incomeTypes = new JsonArray();
      incomes.types().values().forEach(rule -> incomeTypes.add(new JsonObject()
        .put("type", rule.type())
        .put("label", LineTexts.incomeLabel(rule, language))
        .put("treatment", treatment(rule.treatment()))
        .put("employment", rule.employment())));
      JsonArray costTypes = new JsonArray();
      for (CostType type : CostType.values()) {
        costTypes.add(new JsonObject().put("type", type.jsonName())
          .put("label", Messages.text(language, "norm.cost." + type.jsonName())));
      }
      return new JsonObject()
        .put("month", month.toString())
        .put("tenant", tenant)
        .put("tenants", new JsonArray(book.tenants().stream().sorted().map(Object.class::cast).toList()))
        .put("roles", new JsonArray(HouseholdRole.codes()))
        .put("incomeTypes", incomeTypes)
        .put("costTypes", costTypes)
        .put("incomeClassification", incomes.version());
    }));
  }

  /** The words robots/income-classification uses. */
  private static String treatment(IncomeTreatment treatment) {
    switch (treatment) {
      case COUNTED:
        return "counted";
      case NOT_COUNTED:
        return "notCounted";
      default:
        return "review";
    }
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw ApiException.of(415, "unsupported_media_type");
    }
    Buffer buffer = ctx.body().buffer();
    Object value = buffer == null || buffer.length() == 0 ? null : Json.decodeValue(buffer);
    if (!(value instanceof JsonObject)) {
      throw ApiException.badRequest("json_object_expected");
    }
    return (JsonObject) value;
  }

  /** ?tenant= chooses a municipality's caps; otherwise DEFAULT_TENANT's. */
  private String tenant(RoutingContext ctx, RuleBook rules) {
    String tenant = ctx.request().getParam("tenant");
    if (tenant == null || tenant.isBlank()) {
      return defaultTenant;
    }
    if (!rules.hasTenant(tenant)) {
      throw ApiException.invalid("tenant", "unknown_tenant", tenant.length() > 40 ? tenant.substring(0, 40) : tenant);
    }
    return tenant;
  }

  private static NormRules normRules(RuleBook rules, String tenant, YearMonth month) {
    try {
      return rules.normRules(tenant, month);
    } catch (UnknownTenantException e) {
      throw ApiException.invalid("tenant", "unknown_tenant", tenant);
    } catch (RulesNotInForceException e) {
      throw rulesMissing(e);
    }
  }

  /**
   * 422, not 400: the month is a good answer to the question, the amounts for it are just not there — next year's
   * riksnorm before it is published (said so, with the month in words), or a month before the service's first rules.
   */
  private static ApiException rulesMissing(RulesNotInForceException missing) {
    String code = missing.notDecidedYet() ? "rules_not_decided" : "no_rules_for_month";
    // Mid-month, so the month's name is the same in every time zone the format might use.
    Date month = Date.from(missing.month().atDay(15).atStartOfDay(SWEDEN).toInstant());
    return new ApiException(422, code, List.of(month),
      List.of(new ApiException.FieldProblem("month", code, month)));
  }

  private YearMonth month(String value) {
    if (value == null || value.isBlank()) {
      return YearMonth.now(clock.withZone(SWEDEN));
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("month", "invalid_month");
    }
  }
}
