package se.socialportal.bistand.cases;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.SqlJson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private static final String LETTER_PDF = "SELECT pdf FROM decision_letter WHERE id = $1 AND application_id = $2 "
    + "AND tenant_id = $3";
  private static final Duration LOOK_AGAIN = Duration.ofMinutes(1);

  private final AtomicBoolean decisionTable = new AtomicBoolean();
  private final AtomicBoolean letterTable = new AtomicBoolean();
  private final AtomicBoolean paymentTable = new AtomicBoolean();
  private final AtomicReference<Instant> lookedAt = new AtomicReference<>();
  private final Clock clock;

  public DecisionsAndPayments(Clock clock) {
    this.clock = clock;
  }

  /**
   * The decisions of an application for a case page's statement ({@code applicationId}, {@code tenantId}: SQL
   * expressions), newest first, as one JSON array; {@code NULL} while casework's table does not exist. Call
   * {@link #tables} first.
   */
  String decisionsJson(String applicationId, String tenantId) {
    return !decisionTable.get() ? "NULL::json" : "(SELECT json_agg(json_build_array(d.id, "
      + SqlJson.micros("d.decided_at") + ", d.type, d.outcome, d.amount::text, d.lines) ORDER BY d.decided_at DESC) "
      + "FROM decision d WHERE d.application_id = " + applicationId + " AND d.tenant_id = " + tenantId + ")";
  }

  /** The letters of an application, oldest first (see {@link #decisionsJson}). */
  String lettersJson(String applicationId, String tenantId) {
    return !letterTable.get() ? "NULL::json" : "(SELECT json_agg(json_build_array(l.id, "
      + SqlJson.micros("l.created_at") + ", l.mailbox_status, " + SqlJson.micros("l.mailbox_at")
      + ") ORDER BY l.created_at) FROM decision_letter l WHERE l.application_id = " + applicationId
      + " AND l.tenant_id = " + tenantId + ")";
  }

  /**
   * The payment room's view of an application's payments (see {@link #decisionsJson}), in the resident's four words
   * (planned, sent, paid, failed); a payment paid another way than to the account is paid. The date is the payout day
   * the payment plan chose until the bank has paid (then the day it did); a failed payment has none.
   */
  String paymentsJson(String applicationId, String tenantId) {
    return !paymentTable.get() ? "NULL::json" : "(SELECT json_agg(json_build_array(p.id, p.amount::text, "
      + "CASE WHEN p.state IN ('sent', 'paid', 'failed') THEN p.state WHEN p.state = 'manual' THEN 'paid' "
      + "ELSE 'planned' END, CASE WHEN p.state = 'failed' THEN NULL ELSE coalesce(p.paid_on, p.execution_date) "
      + "END) ORDER BY p.execution_date, p.id) FROM payment_state p WHERE p.application_id = " + applicationId
      + " AND p.tenant_id = " + tenantId + " AND p.state <> 'cancelled')";
  }

  /** {decisions: [...], letters: [...], payments: [...]} for one application, in one statement. */
  public Future<JsonObject> read(SqlClient client, UUID applicationId, String tenantId) {
    return tables(client).compose(v -> tablesPresent() == 0 ? Future.succeededFuture(of(null, null, null))
      : client.preparedQuery("SELECT " + decisionsJson("$1", "$2") + " AS decisions, "
        + lettersJson("$1", "$2") + " AS letters, " + paymentsJson("$1", "$2") + " AS payments")
      .execute(Tuple.of(applicationId, tenantId)).map(rows -> {
        Row row = rows.iterator().next();
        return of((JsonArray) row.getJson("decisions"), (JsonArray) row.getJson("letters"),
          (JsonArray) row.getJson("payments"));
      }));
  }

  /** Which of the three tables the statements above read: changes (once) when a room's migration adds one. */
  int tablesPresent() {
    return (decisionTable.get() ? 1 : 0) | (letterTable.get() ? 2 : 0) | (paymentTable.get() ? 4 : 0);
  }

  /** {decisions: [...], letters: [...], payments: [...]} from what the statements above wrote (null: none). */
  static JsonObject of(JsonArray decisionRows, JsonArray letterRows, JsonArray paymentRows) {
    JsonArray letters = new JsonArray();
    for (int i = 0; letterRows != null && i < letterRows.size(); i++) {
      JsonArray row = letterRows.getJsonArray(i);
      // A letter that goes by post says so: waiting for the print batch, or sent on the day its batch was.
      String status = row.getString(2);
      Instant postedAt = SqlJson.instant(row.getValue(3));
      boolean posted = "posted".equals(status) && postedAt != null;
      letters.add(new JsonObject().put("id", row.getString(0))
        .put("createdAt", SqlJson.instant(row.getValue(1)).toString())
        .put("post", posted ? "sent" : "print".equals(status) ? "waiting" : null)
        .put("postedAt", posted ? postedAt.toString() : null));
    }
    JsonArray payments = new JsonArray();
    for (int i = 0; paymentRows != null && i < paymentRows.size(); i++) {
      JsonArray row = paymentRows.getJsonArray(i);
      payments.add(new JsonObject().put("id", row.getString(0)).put("amount", row.getString(1))
        .put("status", row.getString(2)).put("payDate", row.getString(3)));
    }
    return new JsonObject().put("decisions", decisions(decisionRows)).put("letters", letters)
      .put("payments", payments);
  }

  /** The decisions written by {@link #decisionsJson} (null: none). */
  static JsonArray decisions(JsonArray rows) {
    JsonArray list = new JsonArray();
    for (int i = 0; rows != null && i < rows.size(); i++) {
      JsonArray row = rows.getJsonArray(i);
      list.add(new JsonObject().put("id", row.getString(0))
        .put("decidedAt", SqlJson.instant(row.getValue(1)).toString())
        .put("type", row.getString(2)).put("outcome", row.getString(3)).put("amount", row.getString(4))
        .put("lines", calculation(row.getValue(5))));
    }
    return list;
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
  Future<Void> tables(SqlClient client) {
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
