package se.socialportal.payment;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What a demo installation's payments start with: the demo attestant (Alva Attestantsson, alva.attestant) may attest
 * payments up to 50 000 kr each. Residents register their own accounts on Mina sidor with BankID; no account is made up.
 */
public final class PaymentDemoData {

  private static final String LIMIT = "INSERT INTO attest_limit (tenant_id, staff_subject, max_amount, set_at) "
    + "VALUES ('demo', 'alva.attestant', $1, $2) ON CONFLICT DO NOTHING";

  private PaymentDemoData() {
  }

  public static Future<Void> seed(Pool pool, Clock clock) {
    return pool.preparedQuery(LIMIT).execute(Tuple.of(new BigDecimal("50000.00"),
      OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))).mapEmpty();
  }
}
