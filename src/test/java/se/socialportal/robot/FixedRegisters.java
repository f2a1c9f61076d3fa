package se.socialportal.robot;

import io.vertx.core.Future;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterPayment;
import se.socialportal.robot.registers.RegisterQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Registers that report the same payments for everyone asked: a test's own register data. */
final class FixedRegisters implements RegisterAdapter {

  private final List<RegisterPayment> payments;

  FixedRegisters(List<RegisterPayment> payments) {
    this.payments = List.copyOf(payments);
  }

  /** The worked example's household (docs/sources.md#worked-example) as SSBTEK would report it. */
  static FixedRegisters workedExample() {
    return new FixedRegisters(List.of(
      pay(Agency.SKATTEVERKET, "SKV:AGI_LON", "salary", 9_000),
      pay(Agency.FORSAKRINGSKASSAN, "FK:BARNBIDRAG", "childAllowance", 2_650),
      pay(Agency.FORSAKRINGSKASSAN, "FK:UNDERHALLSSTOD", "maintenanceSupport", 2_600),
      pay(Agency.FORSAKRINGSKASSAN, "FK:BOSTADSBIDRAG", "housingAllowance", 2_100)));
  }

  private static RegisterPayment pay(Agency agency, String code, String type, long kronor) {
    return new RegisterPayment(agency, code, type, code, BigDecimal.valueOf(kronor));
  }

  @Override
  public Future<RegisterAnswer> fetch(RegisterQuery query) {
    List<AgencyAnswer> answers = new ArrayList<>();
    for (Agency agency : Agency.values()) {
      answers.add(AgencyAnswer.complete(agency,
        payments.stream().filter(payment -> payment.agency() == agency).toList(), Map.of()));
    }
    return Future.succeededFuture(new RegisterAnswer(query.personId(), query.month(), answers));
  }

  @Override
  public String name() {
    return "fixed";
  }
}
