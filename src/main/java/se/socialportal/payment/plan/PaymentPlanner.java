package se.socialportal.payment.plan;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * From decision to payment: every granted decision part (bifall or delvis bifall, an amount above 0, a type that pays
 * out) gets its payment on the date the municipality's payment calendar gives, from the account the calendar pays that
 * type from. Idempotent — run it as often as you like, from as many servers as you like: a decision that has a payment
 * is not read again, and the database takes one payment per decision part and date (payment_planned_once) and never a
 * second live one (payment_one_live). A tenant without a calendar in force plans nothing; its decisions stay unpaid and
 * show on the list of ej verkställda beslut.
 *
 * <p>It reads casework's decisions (rows never change once written) and records, with each payment, who decided and
 * who prepared the case — the owner, anyone who adjusted the calculation, whoever registered a paper application, the
 * absent delegate a deputy decided for — since none of them may attest it.
 */
public final class PaymentPlanner {

  private static final Logger LOG = LoggerFactory.getLogger(PaymentPlanner.class);
  static final List<String> PAYABLE = List.of("forsorjningsstod", "livsforing_ovrigt", "skulder", "begravning");
  private static final int BATCH = 500;

  private static final String UNPLANNED = "SELECT d.id, d.tenant_id, d.application_id, d.type, d.amount, d.decided_by, "
    + "a.applicant_id, a.month, "
    + "ARRAY(SELECT DISTINCT s FROM unnest(ARRAY(SELECT o.staff_id FROM case_assignment o WHERE o.application_id = a.id "
    + "AND o.kind = 'owner') || ARRAY(SELECT c.staff_id FROM calculation_adjustment c WHERE c.proposal_id = d.proposal_id) "
    + "|| ARRAY[a.registered_by_staff, d.acting_for]) AS s WHERE s IS NOT NULL) AS prepared_by "
    + "FROM decision d JOIN application a ON a.id = d.application_id "
    + "WHERE d.outcome IN ('bifall', 'delvis_bifall') AND d.amount > 0 AND d.delegation_valid "
    + "AND d.type = ANY($1) AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.decision_id = d.id) "
    + "ORDER BY d.decided_at LIMIT " + BATCH;
  private static final String INSERT = "INSERT INTO payment (id, tenant_id, application_id, decision_id, decision_type, "
    + "payee_id, amount, planned_date, execution_date, debtor_account_id, remittance, status, decided_by, prepared_by, "
    + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, 'awaiting_attest', $11, $12, $13, $13) "
    + "ON CONFLICT DO NOTHING";

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;

  public PaymentPlanner(Pool pool, Clock clock, Supplier<RuleBook> rules) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
  }

  /** Plans every granted part that has no payment yet; answers how many payments it created. */
  public Future<Integer> plan() {
    Instant now = clock.instant();
    RuleBook book = rules.get();
    LocalDate today = LocalDate.ofInstant(now, PayoutDays.STOCKHOLM);
    OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return pool.preparedQuery(UNPLANNED).execute(Tuple.of(PAYABLE.toArray(new String[0]))).compose(rows -> {
      List<Tuple> inserts = new ArrayList<>();
      for (Row row : rows) {
        plan(row, book.paymentCalendar(row.getString("tenant_id"), today), now, stamp).ifPresent(inserts::add);
      }
      if (inserts.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return pool.preparedQuery(INSERT).executeBatch(inserts).map(result -> {
        int created = 0;
        for (var batch = result; batch != null; batch = batch.next()) {
          created += batch.rowCount();
        }
        if (created > 0) {
          LOG.info("Planned {} payment(s) for granted decisions", created);
        }
        return created;
      });
    });
  }

  private static Optional<Tuple> plan(Row row, Optional<PaymentCalendar> calendar, Instant now, OffsetDateTime stamp) {
    if (calendar.isEmpty()) {
      return Optional.empty();
    }
    String type = row.getString("type");
    Optional<PaymentCalendar.DebtorAccount> account = calendar.get().accountFor(type);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    YearMonth month = YearMonth.from(row.getLocalDate("month"));
    LocalDate planned = new PayoutDays(calendar.get()).planned(type, month, now);
    UUID[] prepared = row.getArrayOfUUIDs("prepared_by");
    return Optional.of(Tuple.of(UUID.randomUUID(), row.getString("tenant_id"), row.getUUID("application_id"),
        row.getUUID("id"), type, row.getUUID("applicant_id"), row.getBigDecimal("amount"), planned)
      .addValue(account.get().id()).addValue(Remittance.text(type, month)).addValue(row.getUUID("decided_by"))
      .addValue(prepared == null ? new UUID[0] : prepared).addValue(stamp));
  }
}
