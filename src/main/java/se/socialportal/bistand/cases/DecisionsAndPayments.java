package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the decision, its letters and the payments of an application for Mina sidor. The tables belong to casework
 * (casework: {@code decision}, {@code decision_letter}) and payment (its view {@code payment_state}); this room reads
 * only the columns documented in docs/application.md ("What Mina sidor reads from casework and payment"). Until a table
 * exists (its room has not been migrated yet) there is simply nothing to show.
 */
public final class DecisionsAndPayments {

  private static final String TABLES = "SELECT to_regclass('public.decision') IS NOT NULL AS decision, "
    + "to_regclass('public.decision_letter') IS NOT NULL AS letter, to_regclass('public.payment_state') IS NOT NULL AS payment";
  private static final String DECISION = "SELECT id, decided_at, type, outcome, amount, lines FROM decision "
    + "WHERE application_id = $1 AND tenant_id = $2 ORDER BY decided_at DESC";
  private static final String LETTERS = "SELECT id, created_at, mailbox_status, mailbox_at FROM decision_letter "
    + "WHERE application_id = $1 "
    + "AND tenant_id = $2 ORDER BY created_at";
  private static final String LETTER_PDF = "SELECT pdf FROM decision_letter WHERE id = $1 AND application_id = $2 "
    + "AND tenant_id = $3";
  // The payment room's view of its payments, in the resident's four words (planned, sent, paid, failed); a payment
  // paid another way than to the account is paid. The date is the payout day the payment plan chose until the bank
  // has paid (then the day it did); a failed payment has none.
  private static final String PAYMENTS = "SELECT id, amount, CASE WHEN state IN ('sent', 'paid', 'failed') THEN state "
    + "WHEN state = 'manual' THEN 'paid' ELSE 'planned' END AS status, CASE WHEN state = 'failed' THEN NULL "
    + "ELSE coalesce(paid_on, execution_date) END AS pay_date "
    + "FROM payment_state WHERE application_id = $1 AND tenant_id = $2 AND state <> 'cancelled' "
    + "ORDER BY execution_date, id";

  private static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

  private final AtomicBoolean decisionTable = new AtomicBoolean();
  private final AtomicBoolean letterTable = new AtomicBoolean();
  private final AtomicBoolean paymentTable = new AtomicBoolean();
  private final AtomicReference<Instant> lookedAt = new AtomicReference<>();
  private final Clock clock;

  public DecisionsAndPayments(Clock clock) {
    this.clock = clock;
  }

  /** {decisions: [...], letters: [...], payments: [...]} for one application. */
  public Future<JsonObject> read(SqlClient client, UUID applicationId, String tenantId) {
    return tables(client).compose(v -> {
      Future<JsonArray> decisions = decisionTable.get()
        ? client.preparedQuery(DECISION).execute(Tuple.of(applicationId, tenantId)).map(rows -> {
          JsonArray list = new JsonArray();
          for (Row row : rows) {
            list.add(new JsonObject().put("id", row.getUUID("id").toString())
              .put("decidedAt", row.getOffsetDateTime("decided_at").toInstant().toString())
              .put("type", row.getString("type")).put("outcome", row.getString("outcome"))
              .put("amount", row.getBigDecimal("amount") == null ? null : row.getBigDecimal("amount").toPlainString())
              .put("lines", calculation(row.getJson("lines"))));
          }
          return list;
        }) : Future.succeededFuture(new JsonArray());
      Future<JsonArray> letters = letterTable.get()
        ? client.preparedQuery(LETTERS).execute(Tuple.of(applicationId, tenantId)).map(rows -> {
          JsonArray list = new JsonArray();
          for (Row row : rows) {
            // A letter that goes by post says so: waiting for the print batch, or sent on the day its batch was.
            String status = row.getString("mailbox_status");
            boolean posted = "posted".equals(status) && row.getOffsetDateTime("mailbox_at") != null;
            list.add(new JsonObject().put("id", row.getUUID("id").toString())
              .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
              .put("post", posted ? "sent" : "print".equals(status) ? "waiting" : null)
              .put("postedAt", posted ? row.getOffsetDateTime("mailbox_at").toInstant().toString() : null));
          }
          return list;
        }) : Future.succeededFuture(new JsonArray());
      Future<JsonArray> payments = paymentTable.get()
        ? client.preparedQuery(PAYMENTS).execute(Tuple.of(applicationId, tenantId)).map(rows -> {
          JsonArray list = new JsonArray();
          for (Row row : rows) {
            LocalDate date = row.getLocalDate("pay_date");
            list.add(new JsonObject().put("id", row.getUUID("id").toString())
              .put("amount", row.getBigDecimal("amount").toPlainString()).put("status", row.getString("status"))
              .put("payDate", date == null ? null : date.toString()));
          }
          return list;
        }) : Future.succeededFuture(new JsonArray());
      return Future.all(decisions, letters, payments).map(all -> new JsonObject()
        .put("decisions", decisions.result()).put("letters", letters.result()).put("payments", payments.result()));
    });
  }

  /** The PDF of one decision letter of this application, if it exists. */
  public Future<Optional<Buffer>> letter(SqlClient client, UUID applicationId, String tenantId, UUID letterId) {
    return tables(client).compose(v -> {
      if (!letterTable.get()) {
        return Future.succeededFuture(Optional.empty());
      }
      return client.preparedQuery(LETTER_PDF).execute(Tuple.of(letterId, applicationId, tenantId)).map(rows -> {
        var it = rows.iterator();
        return it.hasNext() ? Optional.ofNullable(it.next().getBuffer("pdf")) : Optional.empty();
      });
    });
  }

  /**
   * Which of the tables exist. Once all do, nothing is looked up again; while one is missing it is looked for at most
   * once a minute (a table comes with its room's migration), not on every case page as before (a round trip each).
   */
  private Future<Void> tables(SqlClient client) {
    if (decisionTable.get() && letterTable.get() && paymentTable.get()) {
      return Future.succeededFuture();
    }
    Instant now = clock.instant();
    Instant last = lookedAt.get();
    if (last != null && now.isBefore(last.plus(LOOK_AGAIN))) {
      return Future.succeededFuture();
    }
    return client.query(TABLES).execute().map(rows -> {
      Row row = rows.iterator().next();
      // Once a table exists it stays.
      if (row.getBoolean("decision")) {
        decisionTable.set(true);
      }
      if (row.getBoolean("letter")) {
        letterTable.set(true);
      }
      if (row.getBoolean("payment")) {
        paymentTable.set(true);
      }
      lookedAt.set(now);
      return null;
    });
  }

  /**
   * The calculation a decision rests on, as the resident may see it: each line's section (riksnorm, cost, income,
   * need), its label, what was stated and what counted. A handläggare's reason for changing a line is an internal
   * note and stays out.
   */
  static JsonArray calculation(Object stored) {
    JsonArray lines = new JsonArray();
    if (stored instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject line) {
          lines.add(new JsonObject().put("key", line.getString("key")).put("section", line.getString("section"))
            .put("label", line.getString("label")).put("entered", line.getValue("entered"))
            .put("amount", line.getValue("amount")).put("adjusted", line.containsKey("originalAmount")));
        }
      }
    }
    return lines;
  }

  static String iso(OffsetDateTime value) {
    return value == null ? null : value.toInstant().toString();
  }
}
