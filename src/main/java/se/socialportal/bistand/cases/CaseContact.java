package se.socialportal.bistand.cases;

import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationRow;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.TenantDetails;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Who the resident reaches and when to expect an answer: the municipality's phone, e-mail and opening hours and the
 * reply time for messages (its tenant file in robots/), the handläggare's name once one has the case (casework's
 * {@code case_assignment}, read only), and the date a decision is due (submission + the due days the handläggare's
 * queue uses).
 */
public final class CaseContact {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private final CurrentRuleBook rules;
  private final Clock clock;
  private final Duration decisionDue;

  public CaseContact(CurrentRuleBook rules, Clock clock, Duration decisionDue) {
    this.rules = rules;
    this.clock = clock;
    this.decisionDue = decisionDue;
  }

  /** The municipality's contact details for residents of the tenant (empty fields when its file has none). */
  public JsonObject tenant(String tenantId) {
    Optional<TenantDetails> details = rules.get().tenantDetails(YearMonth.now(clock.withZone(STOCKHOLM))).stream()
      .filter(tenant -> tenant.id().equals(tenantId)).findFirst();
    JsonObject json = new JsonObject();
    details.ifPresent(tenant -> json.put("name", tenant.name()).put("phone", tenant.phone())
      .put("email", tenant.email()).put("openingHours", tenant.openingHours().orElse(null))
      .put("replyDays", tenant.replyDays().orElse(null)));
    return json;
  }

  /** The name of the handläggare who has an application ({@code applicationId}, {@code tenantId}: SQL expressions). */
  static String handlaggareSql(String applicationId, String tenantId) {
    return "(SELECT s.name FROM case_assignment c JOIN staff_member s ON s.id = c.staff_id WHERE c.application_id = "
      + applicationId + " AND c.tenant_id = " + tenantId + " AND c.kind = 'owner' AND c.ended_at IS NULL)";
  }

  /** For one case: the tenant's details, the handläggare who has it (may be null), and the date a decision is due. */
  JsonObject forCase(ApplicationRow application, String handlaggare) {
    JsonObject json = tenant(application.tenantId());
    if (handlaggare != null) {
      json.put("handlaggare", handlaggare);
    }
    decisionDueDate(application).ifPresent(date -> json.put("decisionDue", date.toString()));
    return json;
  }

  /** Submission day + the due days, while the case waits for its decision. */
  Optional<LocalDate> decisionDueDate(ApplicationRow application) {
    boolean waiting = switch (application.status()) {
      case SUBMITTED, UNDER_REVIEW, KOMPLETTERING_REQUESTED -> true;
      default -> false;
    };
    return application.submittedAt().filter(at -> waiting)
      .map(at -> at.plus(decisionDue).atZone(STOCKHOLM).toLocalDate());
  }
}
