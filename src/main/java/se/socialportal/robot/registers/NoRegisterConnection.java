package se.socialportal.robot.registers;

import io.vertx.core.Future;

import java.util.Arrays;

/**
 * An installation without an SSBTEK connection: every agency is unavailable, so every proposal carries
 * MISSING_EXTERNAL_DATA and the handläggare checks the registers by hand (as without this system).
 */
public final class NoRegisterConnection implements RegisterAdapter {

  @Override
  public Future<RegisterAnswer> fetch(RegisterQuery query) {
    return Future.succeededFuture(new RegisterAnswer(query.personId(), query.month(),
      Arrays.stream(Agency.values()).map(AgencyAnswer::unavailable).toList()));
  }

  @Override
  public String name() {
    return "none";
  }
}
