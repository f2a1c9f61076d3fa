package se.socialportal.casework;

import io.vertx.sqlclient.Row;
import se.socialportal.bistand.ApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The application row as casework needs it, with the household's names and whether anyone in it has protected
 * personal data (skyddad folkbokföring or sekretessmarkering).
 */
public record CaseHeader(UUID id, String tenantId, ApplicationStatus status, int version, LocalDate month, String kind,
                         String channel, UUID applicantId, Optional<UUID> coApplicantId, String applicantName,
                         Optional<String> coApplicantName, boolean isProtected, Optional<UUID> ownerId,
                         Optional<Instant> submittedAt) {

  /** Everything but {@code owner_id}, for a query that reads the owner with more of its row (the queue). */
  static final String COLUMNS_BUT_OWNER = "a.id, a.tenant_id, a.status, a.version, a.month, a.kind, a.channel, "
    + "a.applicant_id, a.co_applicant_id, a.submitted_at, "
    + "trim(coalesce(p.given_name, '') || ' ' || coalesce(p.surname, '')) AS applicant_name, "
    + "trim(coalesce(c.given_name, '') || ' ' || coalesce(c.surname, '')) AS co_applicant_name, "
    + "(p.protection <> 'none' OR coalesce(c.protection, 'none') <> 'none') AS protected";
  static final String COLUMNS = COLUMNS_BUT_OWNER + ", (SELECT o.staff_id FROM case_assignment o "
    + "WHERE o.application_id = a.id AND o.kind = 'owner' AND o.ended_at IS NULL) AS owner_id";
  static final String FROM = " FROM application a JOIN person p ON p.id = a.applicant_id "
    + "LEFT JOIN person c ON c.id = a.co_applicant_id ";

  static CaseHeader of(Row row) {
    UUID co = row.getUUID("co_applicant_id");
    OffsetDateTime submitted = row.getOffsetDateTime("submitted_at");
    return new CaseHeader(row.getUUID("id"), row.getString("tenant_id"), ApplicationStatus.of(row.getString("status")),
      row.getInteger("version"), row.getLocalDate("month"), row.getString("kind"), row.getString("channel"),
      row.getUUID("applicant_id"), Optional.ofNullable(co), row.getString("applicant_name"),
      co == null ? Optional.empty() : Optional.of(row.getString("co_applicant_name")), row.getBoolean("protected"),
      Optional.ofNullable(row.getUUID("owner_id")), Optional.ofNullable(submitted).map(OffsetDateTime::toInstant));
  }

  /** The adults of the household: whose data a read of the case touches. */
  public List<UUID> adults() {
    List<UUID> adults = new ArrayList<>();
    adults.add(applicantId);
    coApplicantId.ifPresent(adults::add);
    return adults;
  }

  public String householdName() {
    return coApplicantName.map(co -> applicantName + " och " + co).orElse(applicantName);
  }

  /** Statuses in which a handläggare works on the case. */
  public boolean open() {
    return ApplicationStatus.IN_CASEWORK.contains(status);
  }
}
