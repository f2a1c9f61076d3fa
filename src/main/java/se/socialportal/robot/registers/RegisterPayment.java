package se.socialportal.robot.registers;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A payment an agency reports for the person and month.
 *
 * @param code       the agency's own benefit code, e.g. "FK:BARNBIDRAG" (kept for the handläggare)
 * @param incomeType the application schema's income type it corresponds to, e.g. "childAllowance"
 * @param amount     kronor paid out in the month, after preliminary tax
 */
public record RegisterPayment(Agency agency, String code, String incomeType, String label, BigDecimal amount) {

  public RegisterPayment {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(incomeType, "incomeType");
    Objects.requireNonNull(amount, "amount");
  }
}
