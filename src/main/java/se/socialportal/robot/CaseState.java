package se.socialportal.robot;

import se.socialportal.audit.AuditEntry;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.RegisterAnswer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the steps learn about one case during one attempt. Used by one job on one event loop at a time, so it is
 * plain mutable state; it is thrown away when the attempt ends and rebuilt from the database on the next.
 */
public final class CaseState {

  private final CaseFile file;
  RobotRules rules;
  /** Roles ("applicant", "coApplicant") with skyddad folkbokföring or sekretessmarkering. */
  final List<String> protectedRoles = new ArrayList<>();
  final Map<UUID, RegisterAnswer> registers = new LinkedHashMap<>();
  /** Agencies whose data is missing from the proposal (unavailable, or still incomplete when the wait ran out). */
  final Set<Agency> missingAgencies = new LinkedHashSet<>();
  final List<AuditEntry> audit = new ArrayList<>();
  final List<RaisedWarning> warnings = new ArrayList<>();
  Comparison comparison = Comparison.none("");
  Calculation calculation;
  Stickprov.Draw stickprov;
  Automation.Decision automation;
  Motivering.Text motivering;

  public CaseState(CaseFile file) {
    this.file = file;
  }

  public CaseFile file() {
    return file;
  }

  /** Set by the rules step, first in the pipeline. */
  public RobotRules rules() {
    if (rules == null) {
      throw new IllegalStateException("the rules step has not run");
    }
    return rules;
  }

  public boolean isProtected() {
    return !protectedRoles.isEmpty();
  }

  public Optional<Calculation> calculation() {
    return Optional.ofNullable(calculation);
  }

  public List<RaisedWarning> warnings() {
    return List.copyOf(warnings);
  }

  public Comparison comparison() {
    return comparison;
  }

  public Stickprov.Draw stickprov() {
    return stickprov;
  }

  public Automation.Decision automation() {
    return automation;
  }

  public Motivering.Text motivering() {
    return motivering;
  }

  public Map<UUID, RegisterAnswer> registers() {
    return Map.copyOf(registers);
  }

  public Set<Agency> missingAgencies() {
    return Set.copyOf(missingAgencies);
  }

  public List<AuditEntry> audit() {
    return List.copyOf(audit);
  }
}
