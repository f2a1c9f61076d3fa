package se.socialportal.bankid.simulator;

/**
 * A refusal by the simulator. On the RP API {@code code} is BankID's errorCode; on the control API it is the
 * simulator's own code and {@code message} the Swedish text the phone page shows.
 */
public final class SimulatorException extends RuntimeException {

  private final int status;
  private final String code;

  public SimulatorException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static SimulatorException invalidParameters(String details) {
    return new SimulatorException(400, "invalidParameters", details);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
