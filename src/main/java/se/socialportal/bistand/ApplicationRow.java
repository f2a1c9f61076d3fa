package se.socialportal.bistand;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/** One application as stored, with the SHA-256 of its content (computed by PostgreSQL from the jsonb text). */
public record ApplicationRow(UUID id, String tenantId, YearMonth month, String kind, String channel, ApplicationStatus status,
                             UUID applicantId, Optional<UUID> coApplicantId, int version, JsonObject content,
                             String contentHash, Optional<UUID> previousId, Optional<Instant> submittedAt,
                             Instant createdAt, Instant updatedAt, Optional<Instant> cosignRequestedAt,
                             Optional<Instant> cosignDeadline, int cosignReminders,
                             Optional<Instant> cosignLastReminderAt, Optional<String> draftStep) {

  /** The columns every query that maps to this record selects. */
  public static final String COLUMNS = "id, tenant_id, month, kind, channel, status, applicant_id, co_applicant_id, "
    + "version, content, encode(sha256(convert_to(content::text, 'UTF8')), 'hex') AS content_hash, previous_id, "
    + "submitted_at, created_at, updated_at, cosign_requested_at, cosign_deadline, cosign_reminders, "
    + "cosign_last_reminder_at, draft_step";

  public static ApplicationRow of(Row row) {
    LocalDate month = row.getLocalDate("month");
    return new ApplicationRow(row.getUUID("id"), row.getString("tenant_id"), YearMonth.from(month),
      row.getString("kind"), row.getString("channel"), ApplicationStatus.of(row.getString("status")), row.getUUID("applicant_id"),
      Optional.ofNullable(row.getUUID("co_applicant_id")), row.getInteger("version"),
      (JsonObject) row.getJson("content"), row.getString("content_hash"), Optional.ofNullable(row.getUUID("previous_id")),
      instant(row, "submitted_at"), row.getOffsetDateTime("created_at").toInstant(),
      row.getOffsetDateTime("updated_at").toInstant(), instant(row, "cosign_requested_at"),
      instant(row, "cosign_deadline"), row.getInteger("cosign_reminders"), instant(row, "cosign_last_reminder_at"),
      Optional.ofNullable(row.getString("draft_step")));
  }

  private static Optional<Instant> instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  /** The role this person has in the application, if any. */
  public Optional<String> roleOf(UUID personId) {
    if (applicantId.equals(personId)) {
      return Optional.of("applicant");
    }
    if (coApplicantId.filter(personId::equals).isPresent()) {
      return Optional.of("coApplicant");
    }
    return Optional.empty();
  }

  public boolean isApplicant(UUID personId) {
    return applicantId.equals(personId);
  }

  public boolean isCoApplicant(UUID personId) {
    return coApplicantId.filter(personId::equals).isPresent();
  }
}
