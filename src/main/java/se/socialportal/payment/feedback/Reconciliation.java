package se.socialportal.payment.feedback;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.payment.PaymentAlerts;
import se.socialportal.payment.PaymentOutcomes;
import se.socialportal.payment.batch.Batch;
import se.socialportal.payment.iso.DebitNotification;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.payment.iso.StatusReport;
import se.socialportal.payment.plan.PayoutDays;
import se.socialportal.platform.http.Messages;
import se.socialportal.rules.RuleBook;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the bank's files mean for our payments, by EndToEndId, in the importer's transaction. A status report is
 * matched to the payment file it answers by its message id; a notification's booked debits mark payments paid on
 * the booking date, a booked return fails the payment it returns. The bank's reason is kept in plain Swedish.
 */
public final class Reconciliation {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final Pattern END_TO_END = Pattern.compile("^[0-9a-f]{32}$");
  private static final Set<String> ACCEPTED = Set.of("ACTC", "ACCP", "ACSP", "ACSC", "ACWC", "PART");

  private static final String BATCH = "SELECT id, tenant_id, state, msg_id FROM payment_batch WHERE msg_id = $1 FOR UPDATE";
  private static final String IN_BATCH = "SELECT id FROM payment WHERE batch_id = $1 AND status = 'in_batch' "
    + "ORDER BY id";
  private static final String IN_BLOCK = IN_BATCH.replace("ORDER BY", "AND execution_date = $2 ORDER BY");
  private static final String BANK_STATUS = "UPDATE payment_batch SET bank_status = $2, bank_status_at = $3, "
    + "state = CASE WHEN $4 THEN $5 ELSE state END WHERE id = $1";
  private static final String PAYMENT = "SELECT id, tenant_id, batch_id, status, amount FROM payment WHERE id = $1 FOR UPDATE";

  private final Supplier<RuleBook> rules;

  public Reconciliation(Supplier<RuleBook> rules) {
    this.rules = rules;
  }

  /** A pain.002: the whole file accepted or rejected, single payments rejected. */
  public Future<JsonObject> statusReport(SqlClient tx, StatusReport report, Instant now) {
    if (!IsoSchemas.Message.PAIN_001.messageName().equals(report.originalMessageName())) {
      return Future.failedFuture(FeedbackImporter.notOurs("answers a " + report.originalMessageName()
        + ", not a payment file"));
    }
    return tx.preparedQuery(BATCH).execute(Tuple.of(report.originalMessageId())).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(FeedbackImporter.notOurs("answers payment file " + report.originalMessageId()
          + ", which this installation never sent"));
      }
      Row batch = rows.iterator().next();
      UUID batchId = batch.getUUID("id");
      String tenant = batch.getString("tenant_id");
      LocalDate next = nextDate(tenant, now);
      JsonObject result = new JsonObject().put("batch", batchId.toString()).put("rejected", 0).put("unmatched", 0);
      if (StatusReport.rejected(report.groupStatus())) {
        String reason = reasonText(report.groupReasons());
        return tx.preparedQuery(IN_BATCH).execute(Tuple.of(batchId))
          .compose(payments -> failAll(tx, payments, code(report.groupReasons()), reason, next, now, result))
          .compose(v -> tx.preparedQuery(BANK_STATUS).execute(Tuple.of(batchId, "RJCT", utc(now), true, "rejected")))
          .compose(v -> PaymentAlerts.raise(tx, new PaymentAlerts.Alert(Optional.of(tenant), "admin", "batch_rejected",
            Optional.empty(), Optional.empty(), Optional.of(batchId), Optional.empty(), "Banken avvisade hela "
              + "betalningsfilen " + report.originalMessageId() + ": " + reason + " Betalningarna väntar på ny attest."),
            now))
          .map(v -> result.put("groupStatus", "RJCT"));
      }
      Future<Void> chain = Future.succeededFuture();
      if (report.groupStatus().isPresent()) {
        String status = report.groupStatus().get();
        boolean accepted = ACCEPTED.contains(status) && "delivered".equals(batch.getString("state"));
        chain = tx.preparedQuery(BANK_STATUS).execute(Tuple.of(batchId, status, utc(now), accepted, "accepted"))
          .mapEmpty();
        result.put("groupStatus", status);
      }
      for (StatusReport.PaymentInformation block : report.payments()) {
        chain = chain.compose(v -> block(tx, batch, block, next, now, result));
      }
      return chain.map(result);
    });
  }

  private Future<Void> block(SqlClient tx, Row batch, StatusReport.PaymentInformation block, LocalDate next, Instant now,
                             JsonObject result) {
    UUID batchId = batch.getUUID("id");
    if (StatusReport.rejected(block.status()) && block.transactions().isEmpty()) {
      Optional<LocalDate> date = Batch.dateOf(block.originalPaymentInformationId(), batch.getString("msg_id"));
      if (date.isEmpty()) {
        result.put("unmatched", result.getInteger("unmatched") + 1);
        return Future.succeededFuture();
      }
      return tx.preparedQuery(IN_BLOCK).execute(Tuple.of(batchId, date.get()))
        .compose(payments -> failAll(tx, payments, code(block.reasons()), reasonText(block.reasons()), next, now, result));
    }
    Future<Void> chain = Future.succeededFuture();
    for (StatusReport.Transaction transaction : block.transactions()) {
      if (!StatusReport.rejected(transaction.status())) {
        continue;
      }
      List<StatusReport.Reason> reasons = transaction.reasons().isEmpty() ? block.reasons() : transaction.reasons();
      Optional<UUID> id = transaction.endToEndId().flatMap(Reconciliation::paymentId);
      chain = chain.compose(v -> id.isEmpty() ? unmatched(result) : tx.preparedQuery(PAYMENT).execute(Tuple.of(id.get()))
        .compose(rows -> rows.size() == 0 || !batchId.equals(rows.iterator().next().getUUID("batch_id"))
          ? unmatched(result)
          : fail(tx, id.get(), code(reasons), reasonText(reasons), next, now, result)));
    }
    return chain;
  }

  /** A camt.054: booked debits are paid on their booking date; booked returns fail the payment they return. */
  public Future<JsonObject> notification(SqlClient tx, DebitNotification notification, Instant now) {
    JsonObject result = new JsonObject().put("paid", 0).put("returned", 0).put("unmatched", 0).put("mismatched", 0);
    Future<Void> chain = Future.succeededFuture();
    for (DebitNotification.Entry entry : notification.entries()) {
      if (!entry.bookedDebit() && !entry.bookedReturn()) {
        continue;
      }
      LocalDate booked = entry.bookingDate().orElse(LocalDate.ofInstant(now, STOCKHOLM));
      for (DebitNotification.Transaction transaction : entry.transactions()) {
        Optional<UUID> id = transaction.endToEndId().flatMap(Reconciliation::paymentId);
        Optional<BigDecimal> amount = transaction.amount()
          .or(() -> entry.transactions().size() == 1 ? Optional.of(entry.amount()) : Optional.empty());
        chain = chain.compose(v -> id.isEmpty() ? unmatched(result) : tx.preparedQuery(PAYMENT).execute(Tuple.of(id.get()))
          .compose(rows -> {
            if (rows.size() == 0) {
              return unmatched(result);
            }
            Row payment = rows.iterator().next();
            if (entry.bookedReturn()) {
              if (transaction.returnCode().isEmpty()) {
                return Future.succeededFuture();
              }
              String code = transaction.returnCode().get();
              return PaymentOutcomes.failed(tx, id.get(), code, reasonText(code, transaction.returnText()),
                  nextDate(payment.getString("tenant_id"), now), now)
                .map(done -> count(result, done ? "returned" : "unmatched"));
            }
            if (amount.isPresent() && amount.get().compareTo(payment.getBigDecimal("amount")) != 0) {
              return mismatch(tx, payment, amount.get(), now, result);
            }
            return PaymentOutcomes.paid(tx, id.get(), booked, now).map(done -> count(result, done ? "paid" : "unmatched"));
          }));
      }
    }
    return chain.map(result);
  }

  private Future<Void> mismatch(SqlClient tx, Row payment, BigDecimal booked, Instant now, JsonObject result) {
    count(result, "mismatched");
    return PaymentAlerts.raise(tx, new PaymentAlerts.Alert(Optional.of(payment.getString("tenant_id")), "admin",
      "amount_mismatch", Optional.empty(), Optional.of(payment.getUUID("id")), Optional.empty(), Optional.empty(),
      "Banken bokade " + booked.toPlainString() + " kr på betalningen " + payment.getUUID("id") + ", men den gällde "
        + payment.getBigDecimal("amount").toPlainString() + " kr. Betalningen markerades inte som utbetald."), now);
  }

  private Future<Void> failAll(SqlClient tx, io.vertx.sqlclient.RowSet<Row> payments, String code, String reason,
                               LocalDate next, Instant now, JsonObject result) {
    Future<Void> chain = Future.succeededFuture();
    for (Row row : payments) {
      chain = chain.compose(v -> fail(tx, row.getUUID("id"), code, reason, next, now, result));
    }
    return chain;
  }

  private static Future<Void> fail(SqlClient tx, UUID id, String code, String reason, LocalDate next, Instant now,
                                   JsonObject result) {
    return PaymentOutcomes.failed(tx, id, code, reason, next, now)
      .map(done -> count(result, done ? "rejected" : "unmatched"));
  }

  private static Future<Void> unmatched(JsonObject result) {
    count(result, "unmatched");
    return Future.succeededFuture();
  }

  private static Void count(JsonObject result, String key) {
    result.put(key, result.getInteger(key, 0) + 1);
    return null;
  }

  /** Our EndToEndIds are payment ids written as 32 hex digits; anything else is someone else's payment. */
  static Optional<UUID> paymentId(String endToEndId) {
    String id = endToEndId.toLowerCase(java.util.Locale.ROOT);
    if (!END_TO_END.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(new UUID(Long.parseUnsignedLong(id.substring(0, 16), 16),
      Long.parseUnsignedLong(id.substring(16), 16)));
  }

  private LocalDate nextDate(String tenant, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, STOCKHOLM);
    return rules.get().paymentCalendar(tenant, today).map(calendar -> new PayoutDays(calendar).earliestExecutionDate(now))
      .orElse(today.plusDays(1));
  }

  private static String code(List<StatusReport.Reason> reasons) {
    return reasons.stream().map(reason -> reason.code().or(reason::proprietary).orElse("NARR")).findFirst()
      .orElse("NARR");
  }

  /** The bank's reason in plain Swedish: the code's text, and the bank's own words when it gave some. */
  static String reasonText(List<StatusReport.Reason> reasons) {
    if (reasons.isEmpty()) {
      return Messages.text("sv", "payment.reason.none");
    }
    StatusReport.Reason first = reasons.get(0);
    return reasonText(first.code().or(first::proprietary).orElse("NARR"), first.additionalInformation());
  }

  static String reasonText(String code, List<String> additional) {
    String key = "payment.reason." + code;
    String text = Messages.has(key) ? Messages.text("sv", key) : Messages.text("sv", "payment.reason.other", code);
    List<String> words = new ArrayList<>(additional);
    return words.isEmpty() ? text : text + " (" + String.join(" ", words) + ")";
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
