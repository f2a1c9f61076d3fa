package se.socialportal.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.ApiException;
import se.socialportal.platform.http.Messages;
import se.socialportal.platform.http.RequestIds;
import se.socialportal.platform.http.Responses;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.RuleBookReloads;
import se.socialportal.rules.RuleGaps;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule book for an administrator: GET /api/v1/admin/rules — the files in force (national ones and the admin's
 * own municipality's), what will soon be missing and the file to add; POST /api/v1/admin/rules/reload — read robots/
 * again now rather than wait for the file watch. A refused reload answers 422 with every problem, and the rules in
 * force stay as they were. Every reload is recorded with who asked (rule_book_load).
 */
public final class RulesAdminRoutes implements RoutesModule {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private static final String ADMIN = "admin";

  private final SessionAccess sessions;
  private final RuleBookReloads reloads;
  private final Clock clock;

  public RulesAdminRoutes(SessionAccess sessions, RuleBookReloads reloads, Clock clock) {
    this.sessions = sessions;
    this.reloads = reloads;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.route("/api/v1/admin/rules*").handler(sessions::load).handler(sessions::requireStaff);
    router.get("/api/v1/admin/rules").handler(this::show);
    router.post("/api/v1/admin/rules/reload").handler(this::reload);
  }

  private void show(RoutingContext ctx) {
    Session admin = admin(ctx);
    Responses.ok(ctx, book(reloads.current().get(), admin.tenantId()));
  }

  private void reload(RoutingContext ctx) {
    Session admin = admin(ctx);
    reloads.reload(RuleBookReloads.Trigger.ADMIN, Optional.of(admin.staffMemberId())).onSuccess(outcome -> {
      if (outcome.loaded()) {
        Responses.ok(ctx, book(outcome.book(), admin.tenantId()).put("reloaded", true));
        return;
      }
      // The error body, with every problem in the operator's words (file, place in it, what is wrong).
      JsonArray problems = new JsonArray();
      outcome.problems().forEach(problem -> problems.add(problem.toJson()));
      Responses.json(ctx, 422, new JsonObject().put("error", "rules_refused")
        .put("message", Messages.text(Messages.language(ctx), "error.rules_refused", outcome.problems().size()))
        .put("requestId", RequestIds.of(ctx)).put("problems", problems));
    }).onFailure(ctx::fail);
  }

  private JsonObject book(RuleBook book, String tenant) {
    JsonArray files = new JsonArray();
    RuleBookReloads.files(book).stream().map(JsonObject.class::cast)
      .filter(file -> file.getString("tenant") == null || Objects.equals(file.getString("tenant"), tenant))
      .forEach(files::add);
    JsonArray missing = new JsonArray();
    RuleGaps.ahead(book, LocalDate.now(clock.withZone(SWEDEN))).stream()
      .filter(gap -> gap.tenantId().map(tenant::equals).orElse(true))
      .forEach(gap -> missing.add(new JsonObject().put("kind", gap.kind().key()).put("tenant", gap.tenant())
        .put("month", gap.month().toString()).put("file", gap.suggestedFile())));
    return new JsonObject().put("location", book.location()).put("reloadable", reloads.current().folder().isPresent())
      .put("files", files).put("missing", missing);
  }

  private static Session admin(RoutingContext ctx) {
    Session me = SessionAccess.current(ctx).orElseThrow();
    if (!me.hasRole(ADMIN)) {
      throw ApiException.forbidden("forbidden");
    }
    return me;
  }
}
