package se.socialportal.bistand.signing;

import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What became of a completed signature: the application moved on (to awaiting_cosignature or submitted), or the
 * signature was refused and why (the content changed, the application is no longer a draft, the co-applicant already
 * belongs to another application for the month...). Either way the resident is taken to the case.
 */
public record SigningOutcome(UUID applicationId, Optional<ApplicationStatus> status, Optional<String> refusal) {

  static SigningOutcome moved(UUID applicationId, ApplicationStatus status) {
    return new SigningOutcome(applicationId, Optional.of(status), Optional.empty());
  }

  static SigningOutcome refused(UUID applicationId, String reason) {
    return new SigningOutcome(applicationId, Optional.empty(), Optional.of(reason));
  }

  public String redirect() {
    return "/mina-sidor/arende/?id=" + applicationId;
  }

  /** applicationId, outcome (the new status or "refused"), and applicationStatus or reason. */
  public Map<String, String> details() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("applicationId", applicationId.toString());
    details.put("outcome", status.map(ApplicationStatus::db).orElse("refused"));
    status.ifPresent(moved -> details.put("applicationStatus", moved.db()));
    refusal.ifPresent(reason -> details.put("reason", reason));
    return details;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    details().forEach(json::put);
    return json.put("redirect", redirect());
  }
}
