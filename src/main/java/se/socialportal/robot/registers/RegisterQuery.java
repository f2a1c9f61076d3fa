package se.socialportal.robot.registers;

import se.socialportal.identity.Personnummer;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * One person's register data for one month. SSBTEK is asked by personnummer, so the query carries it — and only the
 * query: answers are keyed by person id, and {@link #toString()} masks it (Personnummer does).
 *
 * @param caseId the application, sent as ärendeidentitet
 */
public record RegisterQuery(UUID personId, Personnummer personnummer, YearMonth month, UUID caseId) {

  public RegisterQuery {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(personnummer, "personnummer");
    Objects.requireNonNull(month, "month");
  }
}
