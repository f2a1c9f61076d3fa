package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import se.socialportal.audit.AuditEntry;
import se.socialportal.platform.http.ApiException;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The robot's calculation on a handläggare's request, for a case the robot left without a proposal (manual review):
 * the same steps and the same engine as the robot's own run — the application's data, the rules in force, who
 * applies, the registers as they answer now (nothing is waited for: what is missing is named, as when the robot's wait
 * ran out), the comparison, the norm, the warnings and the motivering — but no stickprov draw and never an automated
 * decision: a person asked, and a person decides. The caller stores the proposal through {@link ProposalStore}.
 */
public final class CalculationOnRequest {

  /** What the steps produced: the proposal and its warnings, and the register reads to audit. */
  public record Result(ProposalStore.Proposal proposal, List<ProposalStore.Warning> warnings, List<AuditEntry> audit) {
  }

  private final CaseReader reader;
  private final Pipeline pipeline;

  public CalculationOnRequest(Pool pool, Clock clock, Supplier<RuleBook> rules, RegisterAdapter registers) {
    this.reader = new CaseReader(pool);
    this.pipeline = new Pipeline(List.of(
      new ApplicationStep(),
      new RulesStep(rules),
      new IdentityStep(),
      new RegisterStep(registers, clock, Duration.ZERO),
      new ComparisonStep(),
      new CalculationStep(),
      new WarningStep(),
      new MotiveringStep()), clock);
  }

  /**
   * Runs the steps on the application's current version. Fails with 409 when the rules for the month are not in
   * force, or when the application's data cannot be calculated (the reason is the engine's).
   */
  public Future<Result> calculate(String tenantId, UUID applicationId, int version, Instant submittedAt) {
    ClaimedJob request = new ClaimedJob(0, tenantId, applicationId, version, 0, 0, submittedAt, Optional.empty(),
      "handlaggare");
    return reader.read(request).compose(file -> file.isEmpty() ? Future.failedFuture(ApiException.notFound())
      : pipeline.run(new CaseState(file.get())).compose(result -> {
        if (result instanceof Pipeline.Stopped stopped) {
          return Future.failedFuture(stopped.stop() instanceof StepResult.WaitForRules
            ? ApiException.conflict("calculation_rules_missing")
            : ApiException.conflict("case_not_decidable"));
        }
        if (result instanceof Pipeline.Failed failed) {
          return Future.failedFuture(failed.cause() instanceof PermanentFailure
            ? ApiException.conflict("calculation_impossible", FailureText.of(failed.cause()))
            : failed.cause());
        }
        CaseState state = ((Pipeline.Completed) result).state();
        Calculation calculation = state.calculation().orElseThrow();
        ProposalStore.Proposal proposal = new ProposalStore.Proposal(UUID.randomUUID(), tenantId, applicationId,
          version, calculation.outcome(), calculation.amount(), calculation.json(),
          ProposalWriter.BatchRows.versions(state), state.motivering().text(), state.motivering().legalBasis(),
          ProposalWriter.BatchRows.registerData(state), state.comparison().toJson(), false, false);
        List<ProposalStore.Warning> warnings = state.warnings().stream()
          .map(warning -> new ProposalStore.Warning(warning.type(), warning.message(), warning.details())).toList();
        return Future.succeededFuture(new Result(proposal, warnings, state.audit()));
      }));
  }
}
