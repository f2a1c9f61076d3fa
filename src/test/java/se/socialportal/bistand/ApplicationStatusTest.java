package se.socialportal.bistand;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.CheckConstraints;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The application status machine: the statuses the database allows, and the moves between them")
class ApplicationStatusTest {

  @Test
  @DisplayName("ApplicationStatus and the CHECK on application.status list the same statuses")
  void sameAsTheDatabase() {
    assertEquals(CheckConstraints.allowedValues("application", "status"), Arrays.stream(ApplicationStatus.values())
      .map(ApplicationStatus::db).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  @DisplayName("the path of an application, and nothing leaves a decision but its payment")
  void moves() {
    assertTrue(ApplicationStatus.DRAFT.canMoveTo(ApplicationStatus.AWAITING_COSIGNATURE));
    assertTrue(ApplicationStatus.AWAITING_COSIGNATURE.canMoveTo(ApplicationStatus.DRAFT), "declined or expired");
    assertTrue(ApplicationStatus.SUBMITTED.canMoveTo(ApplicationStatus.DECIDED), "decided at once");
    assertTrue(ApplicationStatus.KOMPLETTERING_REQUESTED.canMoveTo(ApplicationStatus.UNDER_REVIEW), "answered");
    assertTrue(ApplicationStatus.KOMPLETTERING_REQUESTED.canMoveTo(ApplicationStatus.KOMPLETTERING_REQUESTED),
      "a second request while one is open");
    assertFalse(ApplicationStatus.DRAFT.canMoveTo(ApplicationStatus.DECIDED), "nothing is decided before it is sent in");
    assertFalse(ApplicationStatus.DRAFT.canMoveTo(ApplicationStatus.KOMPLETTERING_REQUESTED));
    assertFalse(ApplicationStatus.DECIDED.canMoveTo(ApplicationStatus.UNDER_REVIEW));
    assertFalse(ApplicationStatus.DECIDED.canMoveTo(ApplicationStatus.WITHDRAWN), "withdrawn only before a decision");
    assertEquals(Set.of(), ApplicationStatus.WITHDRAWN.next());
    assertEquals(ApplicationStatus.WITHDRAWABLE, EnumSet.allOf(ApplicationStatus.class).stream()
      .filter(status -> status != ApplicationStatus.WITHDRAWN && status.canMoveTo(ApplicationStatus.WITHDRAWN))
      .collect(Collectors.toSet()));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
      () -> ApplicationStatus.PAID.requireMoveTo(ApplicationStatus.DRAFT));
    assertEquals("an application cannot move from paid to draft", refused.getMessage());
    assertThrows(IllegalStateException.class, () -> new ApplicationRepository.Move(java.util.UUID.randomUUID(),
      ApplicationStatus.WITHDRAWN, ApplicationStatus.SUBMITTED));
  }

  @Test
  @DisplayName("every status is reachable from a draft, and the sets name statuses of the right stage")
  void reachable() {
    Set<ApplicationStatus> reached = EnumSet.of(ApplicationStatus.DRAFT);
    boolean grew = true;
    while (grew) {
      Set<ApplicationStatus> next = EnumSet.copyOf(reached);
      reached.forEach(status -> next.addAll(status.next()));
      grew = next.size() > reached.size();
      reached = next;
    }
    assertEquals(EnumSet.allOf(ApplicationStatus.class), reached);
    assertEquals("('submitted', 'under_review', 'komplettering_requested')",
      ApplicationStatus.sqlList(ApplicationStatus.IN_CASEWORK));
  }
}
