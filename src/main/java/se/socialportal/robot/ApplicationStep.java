package se.socialportal.robot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import se.socialportal.bistand.ApplicationStatus;

/**
 * Is there still something to propose? A withdrawn application, a version that a newer one replaced, or an application
 * already decided needs no proposal: the job ends without one (the newer version has its own job).
 */
final class ApplicationStep implements Step {

  @Override
  public String name() {
    return "application";
  }

  @Override
  public Future<StepResult> run(CaseState state) {
    CaseFile.Application application = state.file().application();
    int jobVersion = state.file().job().applicationVersion();
    JsonObject input = new JsonObject().put("version", jobVersion).put("kind", application.kind())
      .put("month", application.month().toString());
    JsonObject output = new JsonObject().put("status", application.status()).put("currentVersion", application.version());
    if (application.version() != jobVersion) {
      return Future.succeededFuture(StepResult.stop(input, output,
        new StepResult.NothingToDo("version " + jobVersion + " har ersatts av version " + application.version())));
    }
    if (!ApplicationStatus.IN_CASEWORK.contains(ApplicationStatus.of(application.status()))) {
      return Future.succeededFuture(StepResult.stop(input, output,
        new StepResult.NothingToDo("ansökan har status " + application.status())));
    }
    return Future.succeededFuture(StepResult.ok(input, output));
  }
}
