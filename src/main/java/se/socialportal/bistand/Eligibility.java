package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.platform.http.ApiException;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * May this resident apply for this month, and is it a new application or a re-application? Decided here, by the
 * server, never by the form:
 * <ul>
 *   <li>only the current and the next calendar month are open (Europe/Stockholm);</li>
 *   <li>one application per household and month: if the resident already belongs to one (as applicant, as a
 *       co-applicant who signed, or as a co-applicant asked to sign), that one is named instead;</li>
 *   <li>a re-application when the household sent in an application for one of the three months before; otherwise a
 *       new (first) application.</li>
 * </ul>
 */
public final class Eligibility {

  public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  /** The answer: the existing application (and the resident's role in it) or the kind a new one would be. */
  public record Result(YearMonth month, Optional<ApplicationRow> existing, Optional<String> existingRole, String kind,
                       Optional<ApplicationRow> previous) {

    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("month", month.toString()).put("kind", kind)
        .put("mayApply", existing.isEmpty());
      existing.ifPresent(application -> json.put("existing", new JsonObject()
        .put("id", application.id().toString()).put("status", application.status().db())
        .put("role", existingRole.orElse("applicant"))));
      previous.ifPresent(application -> json.put("previousMonth", application.month().toString()));
      return json;
    }
  }

  private final Clock clock;

  public Eligibility(Clock clock) {
    this.clock = clock;
  }

  public YearMonth currentMonth() {
    return YearMonth.now(clock.withZone(ZONE));
  }

  /** The months a resident may apply for now: this month and next. */
  public List<YearMonth> openMonths() {
    YearMonth now = currentMonth();
    return List.of(now, now.plusMonths(1));
  }

  public YearMonth requireOpen(String month) {
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month == null ? "" : month);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.invalid("month", "month_invalid");
    }
    if (!openMonths().contains(parsed)) {
      throw ApiException.invalid("month", "month_not_open");
    }
    return parsed;
  }

  public Future<Result> check(SqlClient client, String tenantId, UUID personId, YearMonth month) {
    return ApplicationRepository.monthHolder(client, tenantId, personId, month)
      .compose(holder -> holder.isPresent()
        ? ApplicationRepository.find(client, holder.get())
        : ApplicationRepository.awaitingMySignature(client, tenantId, personId, month))
      .compose(existing -> {
        if (existing.isPresent()) {
          ApplicationRow application = existing.get();
          return Future.succeededFuture(new Result(month, existing, application.roleOf(personId), application.kind(),
            Optional.empty()));
        }
        return ApplicationRepository.previous(client, tenantId, personId, month).map(previous ->
          new Result(month, Optional.empty(), Optional.empty(), previous.isPresent() ? "reapplication" : "new",
            previous));
      });
  }
}
