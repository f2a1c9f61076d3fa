package se.socialportal.robot.registers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agency's answer for one person and month.
 *
 * @param facts non-monetary register facts the handläggare needs (e.g. "inskriven": "ja" at Arbetsförmedlingen,
 *              "uppehållstillstånd": "permanent"). Never an address: register data of protected persons is stored too.
 */
public record AgencyAnswer(Agency agency, Status status, List<RegisterPayment> payments, Map<String, String> facts) {

  public enum Status {
    /** Everything for the month is reported. */
    COMPLETE,
    /** The agency has not reported the whole month yet; ask again later. */
    NOT_YET_COMPLETE,
    /** No answer (no connection, agency down, no agreement): the handläggare must check by hand. */
    UNAVAILABLE
  }

  public AgencyAnswer {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(status, "status");
    payments = List.copyOf(payments);
    facts = Map.copyOf(facts);
  }

  public static AgencyAnswer complete(Agency agency, List<RegisterPayment> payments, Map<String, String> facts) {
    return new AgencyAnswer(agency, Status.COMPLETE, payments, facts);
  }

  public static AgencyAnswer notYetComplete(Agency agency) {
    return new AgencyAnswer(agency, Status.NOT_YET_COMPLETE, List.of(), Map.of());
  }

  public static AgencyAnswer unavailable(Agency agency) {
    return new AgencyAnswer(agency, Status.UNAVAILABLE, List.of(), Map.of());
  }
}
