package se.socialportal.casework.decision;

import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.casework.delegation.DelegationCheck;
import se.socialportal.identity.session.Session;
import se.socialportal.identity.staff.StaffRole;
import se.socialportal.rules.delegation.DelegationMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the delegation check for every part of a decision inside its transaction. Any part outside the person's
 * delegation throws {@link DelegationRefusedException}, which rolls the whole decision back.
 */
final class DelegationGate {

  private DelegationGate() {
  }

  /** {@code originalLevel}: for återkrav, the level the original decision required. */
  static List<DelegationCheck.Outcome> checkAll(CaseworkRules rules, Session session, List<DecisionPart> parts,
                                                LocalDate today, List<DelegationCheck.StandIn> standIns,
                                                Optional<String> originalLevel) {
    Optional<DelegationMatrix> matrix = rules.matrix(session.tenantId(), today);
    List<DelegationCheck.Outcome> outcomes = new ArrayList<>();
    for (DecisionPart part : parts) {
      if (matrix.isEmpty()) {
        throw new DelegationRefusedException(part.type(), "nämnden (ingen delegationsordning gäller i dag)",
          part.delegationAmount().toPlainString());
      }
      DelegationCheck.Outcome outcome = DelegationCheck.check(matrix.get(),
        new DelegationCheck.Request(part.type(), part.delegationAmount(), today, originalLevel),
        Set.copyOf(session.roles()), standIns);
      if (!outcome.allowed()) {
        throw new DelegationRefusedException(part.type(), outcome.whoMay(), part.delegationAmount().toPlainString());
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Each part's outcome, allowed or not, for a decision in parts: the parts within the person's delegation are decided
   * now and the rest referred. A part nobody below the nämnd may take cannot be referred inside the system and still
   * refuses the whole decision.
   */
  static List<DelegationCheck.Outcome> checkEach(CaseworkRules rules, Session session, List<DecisionPart> parts,
                                                 LocalDate today, List<DelegationCheck.StandIn> standIns) {
    Optional<DelegationMatrix> matrix = rules.matrix(session.tenantId(), today);
    List<DelegationCheck.Outcome> outcomes = new ArrayList<>();
    for (DecisionPart part : parts) {
      if (matrix.isEmpty()) {
        throw new DelegationRefusedException(part.type(), "nämnden (ingen delegationsordning gäller i dag)",
          part.delegationAmount().toPlainString());
      }
      DelegationCheck.Outcome outcome = DelegationCheck.check(matrix.get(),
        new DelegationCheck.Request(part.type(), part.delegationAmount(), today, Optional.empty()),
        Set.copyOf(session.roles()), standIns);
      if (!outcome.allowed() && outcome.required().isEmpty()) {
        throw new DelegationRefusedException(part.type(), outcome.whoMay(), part.delegationAmount().toPlainString());
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** Name and title for FL 31 §; a stand-in says whose delegation it used. */
  static DecisionRecorder.Decider decider(Session session, List<DelegationCheck.Outcome> outcomes) {
    String title = titleOf(session);
    Optional<DelegationCheck.StandIn> acting = outcomes.stream().flatMap(outcome -> outcome.actingFor().stream()).findFirst();
    if (acting.isPresent()) {
      title = title + ", ställföreträdare för " + acting.get().absentName();
    }
    return new DecisionRecorder.Decider(session.staffMemberId(), session.displayName(), title);
  }

  /** The highest case role's title (attestant and administrator are not decision titles). */
  static String titleOf(Session session) {
    StaffRole best = null;
    for (String role : session.roles()) {
      Optional<StaffRole> found = StaffRole.fromCode(role);
      if (found.isPresent() && (best == null || found.get().ordinal() > best.ordinal())
          && found.get() != StaffRole.ADMIN && found.get() != StaffRole.ATTESTANT) {
        best = found.get();
      }
    }
    return best == null ? "Handläggare" : best.label();
  }
}
