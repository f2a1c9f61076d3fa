package se.socialportal.payment;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.casework.CaseFixtures;
import se.socialportal.payment.account.AccountNumbers;
import se.socialportal.payment.plan.PayoutDays;
import se.socialportal.testing.Browser;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decided cases with payments, as the payment room meets them: a submitted application with a proposal (casework's
 * fixtures), approved over casework's real API by a handläggare, so the decision rows are what casework writes; and a
 * payout account stored as the account service stores it after a BankID signature (the signature itself is exercised
 * by the account tests through the BankID simulator).
 */
final class PaymentFixtures {

  private final TestApp app;
  private final CaseFixtures cases;

  PaymentFixtures(TestApp app) {
    this.app = app;
    this.cases = new CaseFixtures(app.services().pool(), app.clock());
  }

  /** A decided case. */
  record Decided(UUID applicationId, UUID personId, List<UUID> decisionIds) {
  }

  static TestApp start(String name) {
    return start(name, new JsonObject());
  }

  /** The server with the payment jobs off (tests run each step themselves) and sessions that outlast a cut-off. */
  static TestApp start(String name, JsonObject overrides) {
    return TestApp.start(name, new JsonObject().put("PAYMENT_JOBS_ENABLED", "false")
      .put("SESSION_IDLE_MINUTES", "1440").put("SESSION_MAX_HOURS", "72").put("LOGIN_RATE_PER_MINUTE", "1000")
      .mergeIn(overrides));
  }

  Browser login(String subject, String name, String... roles) {
    return StaffLogins.login(app, subject, name, "demo", roles).browser();
  }

  StaffLogins.Staff staff(String subject, String name, String... roles) {
    return StaffLogins.login(app, subject, name, "demo", roles);
  }

  /** Riksnorm 5 220 + rent 6 500 − salary 4 200 = 7 520 kr försörjningsstöd, plus needs (livsföring i övrigt). */
  Decided decided(Browser decider, String given, String surname, int... needs) {
    CaseFixtures.Case submitted = cases.submitted("demo", given, surname, "none", List.of(), needs);
    HttpResponse<Buffer> approved = decider.post("/api/v1/casework/cases/" + submitted.applicationId() + "/approve",
      new JsonObject().put("proposalId", submitted.proposalId().toString()).put("motivering", needs.length > 0
        ? "Behovet är styrkt och skäligt." : null));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    List<UUID> decisions = new ArrayList<>();
    for (Object decision : approved.bodyAsJsonObject().getJsonArray("decisions")) {
      decisions.add(UUID.fromString(((JsonObject) decision).getString("id")));
    }
    return new Decided(submitted.applicationId(), submitted.personId(), decisions);
  }

  /** An account as the account service stores it after the resident's signature. */
  UUID account(UUID personId, String clearing, String number, Instant registeredAt, boolean replacing) {
    AccountNumbers.Account account = AccountNumbers.bank(clearing, number);
    UUID request = UUID.randomUUID();
    UUID id = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.ofInstant(registeredAt, ZoneOffset.UTC);
    cases.rows("INSERT INTO payout_account_request (id, tenant_id, person_id, kind, clearing, number, bank_name, masked, "
      + "created_at, completed_at) VALUES ($1, 'demo', $2, 'bank', $3, $4, $5, $6, $7, $7)", Tuple.of(request, personId,
      account.clearing().orElseThrow(), account.number(), account.bankName(), account.masked(), at));
    UUID previous = replacing ? cases.one("UPDATE payout_account SET superseded_at = $2 WHERE person_id = $1 "
      + "AND superseded_at IS NULL RETURNING id", Tuple.of(personId, at)).getUUID("id") : null;
    cases.rows("INSERT INTO payout_account (id, tenant_id, person_id, kind, clearing, number, bank_name, masked, "
      + "request_id, order_id, order_ref, signature, ocsp_response, signed_text, registered_at, replaces_id) VALUES "
      + "($1, 'demo', $2, 'bank', $3, $4, $5, $6, $7, $8, 'order-ref', '<signature/>', 'ocsp', 'signed', $9, $10)",
      Tuple.of(id, personId, account.clearing().orElseThrow(), account.number(), account.bankName(), account.masked(),
        request, UUID.randomUUID()).addValue(at).addValue(previous));
    return id;
  }

  UUID account(UUID personId) {
    return account(personId, "8424-4", "983 189 224-6", app.clock().instant().minus(Duration.ofDays(60)), false);
  }

  Payments payments() {
    return app.services().payments();
  }

  <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The payments of a case, oldest first. */
  List<Row> payments(UUID applicationId) {
    List<Row> rows = new ArrayList<>();
    cases.rows("SELECT * FROM payment WHERE application_id = $1 ORDER BY created_at", Tuple.of(applicationId))
      .forEach(rows::add);
    return rows;
  }

  Row payment(UUID id) {
    return cases.one("SELECT * FROM payment WHERE id = $1", Tuple.of(id));
  }

  /** A payment's state as people see it (in a delivered file: "sent"). */
  String state(UUID id) {
    return cases.one("SELECT state FROM payment_state WHERE id = $1", Tuple.of(id)).getString("state");
  }

  Row one(String sql, Object... args) {
    return cases.one(sql, Tuple.from(args));
  }

  long count(String sql, Object... args) {
    return cases.count(sql, args);
  }

  /** Attests the payments as the given attestant, confirming their total. */
  HttpResponse<Buffer> attest(Browser attestant, List<UUID> ids) {
    BigDecimal total = BigDecimal.ZERO;
    JsonArray array = new JsonArray();
    for (UUID id : ids) {
      total = total.add(payment(id).getBigDecimal("amount"));
      array.add(id.toString());
    }
    return attestant.post("/api/v1/payments/attest", new JsonObject().put("paymentIds", array)
      .put("total", total.toPlainString()));
  }

  /** The demo municipality's payout days. */
  PayoutDays days() {
    return new PayoutDays(app.services().rules().get().paymentCalendar("demo", app.clock().today()).orElseThrow());
  }

  /** Moves the server's clock just past the next cut-off of the demo calendar. */
  void passNextCutOff() {
    Instant now = app.clock().instant();
    Instant next = days().cutOff(days().earliestExecutionDate(now));
    app.clock().advance(Duration.between(now, next).plusMinutes(1));
  }

  /** Every file in a folder (not its subfolders). */
  static List<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
