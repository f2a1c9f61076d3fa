package se.socialportal.payment.batch;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.socialportal.payment.plan.PayoutDays;
import se.socialportal.rules.PaymentCalendar;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * At each cut-off, one batch per debtor account: in one transaction the batch row is created (once per account and
 * cut-off, whichever server gets there first — the unique key decides) and every payment of the account attested by
 * the cut-off and not yet in a batch is bound to it, dated no earlier than the banking day the cut-off is for. A
 * payment is bound to one batch only, ever; one attested after the cut-off goes with the next. A cut-off with nothing
 * attested makes no batch at all.
 */
public final class BatchAssembler {

  private static final Logger LOG = LoggerFactory.getLogger(BatchAssembler.class);
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private static final String INSERT = "INSERT INTO payment_batch (id, tenant_id, debtor_account_id, cutoff_at, "
    + "execution_date, state, msg_id, created_at, debtor, file_name) VALUES ($1, $2, $3, $4, $5, 'assembled', $6, $7, "
    + "$8, $9) ON CONFLICT (tenant_id, debtor_account_id, cutoff_at) DO NOTHING RETURNING id";
  private static final String WAITING = "SELECT EXISTS (SELECT 1 FROM payment WHERE tenant_id = $1 "
    + "AND debtor_account_id = $2 AND status = 'attested' AND attested_at <= $3) AS waiting";
  private static final String BIND = "WITH bound AS (UPDATE payment SET batch_id = $1, status = 'in_batch', "
    + "execution_date = greatest(execution_date, $4), updated_at = $5 WHERE tenant_id = $2 AND debtor_account_id = $3 "
    + "AND status = 'attested' AND attested_at <= $6 RETURNING amount) "
    + "SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM bound";
  private static final String TOTALS = "UPDATE payment_batch SET nb_of_txs = $2, ctrl_sum = $3 WHERE id = $1";

  /** Nothing to bind after all (another server took the payments): the transaction is undone, no batch remains. */
  private static final class NothingToBind extends RuntimeException {
    NothingToBind() {
      super(null, null, false, false);
    }
  }

  private final Pool pool;
  private final Clock clock;
  private final Supplier<RuleBook> rules;

  public BatchAssembler(Pool pool, Clock clock, Supplier<RuleBook> rules) {
    this.pool = pool;
    this.clock = clock;
    this.rules = rules;
  }

  /** The batches of the latest cut-off of every tenant and debtor account, where not made yet; their ids. */
  public Future<List<UUID>> assemble() {
    Instant now = clock.instant();
    RuleBook book = rules.get();
    LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
    List<UUID> made = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String tenant : book.tenants()) {
      Optional<PaymentCalendar> calendar = book.paymentCalendar(tenant, today);
      if (calendar.isEmpty()) {
        continue;
      }
      Optional<PayoutDays.CutOff> cutOff = new PayoutDays(calendar.get()).latestCutOff(now);
      if (cutOff.isEmpty()) {
        continue;
      }
      for (PaymentCalendar.DebtorAccount account : calendar.get().debtorAccounts()) {
        chain = chain.compose(v -> assemble(tenant, calendar.get(), account, cutOff.get(), now)
          .map(id -> {
            id.ifPresent(made::add);
            return null;
          }));
      }
    }
    return chain.map(made);
  }

  /** The batch of one account at one cut-off; empty when it exists already or nothing was attested by it. */
  Future<Optional<UUID>> assemble(String tenant, PaymentCalendar calendar, PaymentCalendar.DebtorAccount account,
                                  PayoutDays.CutOff cutOff, Instant now) {
    return pool.preparedQuery(WAITING).execute(Tuple.of(tenant, account.id(), Batch.utc(cutOff.at())))
      .compose(rows -> rows.iterator().next().getBoolean("waiting") ? bind(tenant, calendar, account, cutOff, now)
        : Future.succeededFuture(Optional.empty()));
  }

  private Future<Optional<UUID>> bind(String tenant, PaymentCalendar calendar, PaymentCalendar.DebtorAccount account,
                                      PayoutDays.CutOff cutOff, Instant now) {
    UUID id = UUID.randomUUID();
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    return pool.withTransaction(tx -> tx.preparedQuery(INSERT).execute(Tuple.of(id, tenant, account.id(),
        Batch.utc(cutOff.at()), cutOff.executionDate(), Batch.messageId(id), Batch.utc(created), debtor(calendar, account))
      .addValue(Batch.fileName(id))).compose(inserted -> {
        if (inserted.size() == 0) {
          return Future.succeededFuture(Optional.<UUID>empty());
        }
        return tx.preparedQuery(BIND).execute(Tuple.of(id, tenant, account.id(), cutOff.executionDate(),
            Batch.utc(now), Batch.utc(cutOff.at())))
          .compose(bound -> {
            Row totals = bound.iterator().next();
            long count = totals.getLong("n");
            if (count == 0) {
              return Future.failedFuture(new NothingToBind());
            }
            return tx.preparedQuery(TOTALS).execute(Tuple.of(id, (int) count, totals.getBigDecimal("total")))
              .map(v -> {
                LOG.info("Cut-off {} for {}/{}: batch {} with {} payment(s), {} kr", cutOff.at(), tenant,
                  account.id(), id, count, totals.getBigDecimal("total").toPlainString());
                return Optional.of(id);
              });
          });
      })).recover(failure -> failure instanceof NothingToBind ? Future.succeededFuture(Optional.empty())
        : Future.failedFuture(failure));
  }

  /** The payer's side as the calendar says now, kept with the batch so a rewrite never depends on a later calendar. */
  static JsonObject debtor(PaymentCalendar calendar, PaymentCalendar.DebtorAccount account) {
    JsonObject bookings = new JsonObject();
    account.bookings().forEach((type, booking) -> bookings.put(type, new JsonObject().put("konto", booking.konto())
      .put("ansvar", booking.ansvar()).put("verksamhet", booking.verksamhet())));
    return new JsonObject().put("name", calendar.payer().name())
      .put("organisationsnummer", calendar.payer().organisationsnummer())
      .put("bankCustomerId", calendar.payer().bankCustomerId().orElse(null))
      .put("accountName", account.name())
      .put("iban", account.iban().orElse(null)).put("bankgiro", account.bankgiro().orElse(null))
      .put("bic", account.bic()).put("categoryPurpose", calendar.categoryPurpose().orElse(null))
      .put("ledgerAccount", account.ledgerAccount()).put("bookings", bookings)
      .put("calendarVersion", calendar.version());
  }
}
