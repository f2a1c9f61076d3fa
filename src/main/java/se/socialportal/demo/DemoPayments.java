package se.socialportal.demo;

import io.vertx.core.Future;
import se.socialportal.payment.AttestLimits;

import java.math.BigDecimal;

/**
 * What a demo installation's payments start with: the demo attestant (Alva Attestantsson, alva.attestant) may attest
 * payments up to 50 000 kr each, written through the payment room's attest limits. Residents register their own
 * accounts on Mina sidor with BankID; no account is made up. Idempotent: a limit an administrator changed stays.
 */
public final class DemoPayments {

  private DemoPayments() {
  }

  public static Future<Void> seed(AttestLimits limits) {
    return limits.initial("demo", "alva.attestant", new BigDecimal("50000.00"));
  }
}
