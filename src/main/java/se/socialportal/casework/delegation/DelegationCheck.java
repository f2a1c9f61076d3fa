package se.socialportal.casework.delegation;

import se.socialportal.rules.delegation.DecisionType;
import se.socialportal.rules.delegation.DelegationMatrix;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * May this person take this decision today? A pure function of the matrix in force, the decision (type, amount, for
 * återkrav the level the original decision required) and the person (roles, and absences they stand in for).
 * <p>
 * Rules (Flen's delegationsordning, docs/sources.md#delegation and #delegation-tiers): the matrix names the lowest
 * level; every higher level may also decide (the nearest higher manager decides when the delegate is absent). A
 * ställföreträdare named in a staff_absence row may decide what the absent person's level may, while the absence lasts,
 * and the decision records it. Above the last band, or for a type without a row, nothing is delegated: only the nämnd
 * decides.
 */
public final class DelegationCheck {

  private DelegationCheck() {
  }

  /** What is to be decided. {@code originalLevel} is needed for återkrav only (the original decision's level). */
  public record Request(DecisionType type, BigDecimal amount, LocalDate date, Optional<String> originalLevel) {
    public static Request of(DecisionType type, BigDecimal amount, LocalDate date) {
      return new Request(type, amount, date, Optional.empty());
    }
  }

  /** An absence the deciding person stands in for today: whose, and with which roles. */
  public record StandIn(String absenceId, String absentStaffId, String absentName, Set<String> absentRoles) {
    public StandIn {
      absentRoles = Set.copyOf(absentRoles);
    }
  }

  /** The result: allowed (with the row, level and any stand-in) or refused (with who may decide). */
  public record Outcome(boolean allowed, DelegationMatrix matrix, Optional<DelegationMatrix.Row> row,
                        Optional<DelegationMatrix.Level> required, Optional<DelegationMatrix.Level> decidedAt,
                        Optional<StandIn> actingFor) {

    /** Who may take it, for the refusal message: "Enhetschef (Delegationsordning 8.1.1 ...)" or the nämnd. */
    public String whoMay() {
      if (required.isEmpty()) {
        return "nämnden (beslutet är inte delegerat)";
      }
      return required.get().label() + " eller högre (" + row.map(DelegationMatrix.Row::source).orElse("") + ")";
    }
  }

  public static Outcome check(DelegationMatrix matrix, Request request, Set<String> roles, List<StandIn> standIns) {
    Optional<DelegationMatrix.Row> row = matrix.rowFor(request.type(), request.amount(), request.date());
    if (row.isEmpty()) {
      return new Outcome(false, matrix, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    String requiredCode = row.get().delegate();
    if (DelegationMatrix.SAME_AS_ORIGINAL.equals(requiredCode)) {
      if (request.originalLevel().isEmpty() || matrix.rank(request.originalLevel().get()) < 0) {
        return new Outcome(false, matrix, row, Optional.empty(), Optional.empty(), Optional.empty());
      }
      requiredCode = request.originalLevel().get();
    }
    DelegationMatrix.Level required = matrix.level(requiredCode);
    int requiredRank = matrix.rank(required.code());
    Optional<DelegationMatrix.Level> own = matrix.highestLevelOf(roles);
    if (own.isPresent() && matrix.rank(own.get().code()) >= requiredRank) {
      return new Outcome(true, matrix, row, Optional.of(required), own, Optional.empty());
    }
    for (StandIn standIn : standIns) {
      Optional<DelegationMatrix.Level> theirs = matrix.highestLevelOf(standIn.absentRoles());
      if (theirs.isPresent() && matrix.rank(theirs.get().code()) >= requiredRank) {
        return new Outcome(true, matrix, row, Optional.of(required), theirs, Optional.of(standIn));
      }
    }
    return new Outcome(false, matrix, row, Optional.of(required), Optional.empty(), Optional.empty());
  }
}
