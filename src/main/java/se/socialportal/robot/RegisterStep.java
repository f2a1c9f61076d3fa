package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.audit.AuditEntry;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterQuery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * External data (SSBTEK-style) for every adult applying, for the application's month. Each read is audited
 * (register.read by the robot). When an agency has not reported the whole month yet, the job waits and asks again
 * later — until ROBOT_REGISTER_MAX_WAIT_HOURS after submission; then the proposal is made with MISSING_EXTERNAL_DATA.
 * An unavailable agency is not waited for.
 */
final class RegisterStep implements Step {

  private final RegisterAdapter adapter;
  private final Clock clock;
  private final Duration maxWait;

  RegisterStep(RegisterAdapter adapter, Clock clock, Duration maxWait) {
    this.adapter = adapter;
    this.clock = clock;
    this.maxWait = maxWait;
  }

  @Override
  public String name() {
    return "registers";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile file = state.file();
    List<Future<RegisterAnswer>> answers = new ArrayList<>();
    for (CaseFile.Adult adult : file.adults()) {
      answers.add(adapter.fetch(new RegisterQuery(adult.personId(), adult.personnummer(), file.application().month(),
        file.application().id())));
      state.audit.add(AuditEntry.robot(file.application().tenantId(), "register.read", adult.personId(),
        file.application().id()).withDetail(new JsonObject().put("source", adapter.name())
        .put("month", file.application().month().toString())));
    }
    return Future.all(answers).map(all -> {
      Set<Agency> incomplete = new TreeSet<>();
      Set<Agency> unavailable = new TreeSet<>();
      JsonArray perPerson = new JsonArray();
      for (int i = 0; i < answers.size(); i++) {
        RegisterAnswer answer = answers.get(i).result();
        state.registers.put(answer.personId(), answer);
        incomplete.addAll(answer.with(AgencyAnswer.Status.NOT_YET_COMPLETE));
        unavailable.addAll(answer.with(AgencyAnswer.Status.UNAVAILABLE));
        perPerson.add(new JsonObject().put("role", file.adults().get(i).role())
          .put("payments", answer.payments().size()).put("complete", answer.complete()));
      }
      JsonObject input = new JsonObject().put("adapter", adapter.name()).put("month", file.application().month().toString())
        .put("persons", file.adults().size());
      JsonObject output = new JsonObject().put("persons", perPerson)
        .put("notYetComplete", names(incomplete)).put("unavailable", names(unavailable));
      Duration waited = Duration.between(file.job().submittedAt(), clock.instant());
      if (!incomplete.isEmpty() && waited.compareTo(maxWait) < 0) {
        return StepResult.stop(input, output, new StepResult.WaitForData("registeruppgifter är inte kompletta än från "
          + String.join(", ", incomplete.stream().map(Agency::displayName).toList())));
      }
      state.missingAgencies.addAll(unavailable);
      state.missingAgencies.addAll(incomplete);
      return StepResult.flagged(input, output, !state.missingAgencies.isEmpty());
    });
  }

  private static JsonArray names(Set<Agency> agencies) {
    return new JsonArray(agencies.stream().map(Agency::name).map(Object.class::cast).toList());
  }
}
