package se.socialportal.payment;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("From decision to payment: planned once, attested by a second person, one file per cut-off, never unattested")
class PaymentFlowTest {

  private static TestApp app;
  private static PaymentFixtures fixtures;
  private static Browser anna;
  private static Browser alva;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("paymentflow");
    fixtures = new PaymentFixtures(app);
  }

  /** Fresh logins for each test: a cut-off moves the clock up to a banking day, past a session's lifetime. */
  @BeforeEach
  void login() {
    anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("each granted part gets one payment, whatever the number of runs; a second live one is refused by the database")
  void plannedOnce() {
    PaymentFixtures.Decided decided = fixtures.decided(anna, "Pia", "Planerad", 1200);
    java.time.LocalDate earliest = fixtures.days().earliestExecutionDate(app.clock().instant());
    fixtures.await(fixtures.payments().planner().plan());
    fixtures.await(fixtures.payments().planner().plan());
    List<Row> payments = fixtures.payments(decided.applicationId());
    assertEquals(2, payments.size(), "försörjningsstöd and livsföring i övrigt");
    Row main = payments.stream().filter(row -> row.getString("decision_type").equals("forsorjningsstod")).findFirst()
      .orElseThrow();
    assertEquals(0, new BigDecimal("7520").compareTo(main.getBigDecimal("amount")));
    assertEquals("awaiting_attest", main.getString("status"));
    assertEquals("Försörjningsstöd mars 2026", main.getString("remittance"));
    assertEquals(decided.personId(), main.getUUID("payee_id"));
    assertEquals(earliest, main.getLocalDate("execution_date"),
      "March is past: the next banking day whose cut-off is ahead");
    Exception refused = assertThrows(Exception.class, () -> fixtures.one("INSERT INTO payment (id, tenant_id, "
      + "application_id, decision_id, decision_type, payee_id, amount, planned_date, execution_date, debtor_account_id, "
      + "remittance, status, created_at, updated_at) SELECT gen_random_uuid(), tenant_id, application_id, decision_id, "
      + "decision_type, payee_id, amount, planned_date + 1, execution_date, debtor_account_id, remittance, "
      + "'awaiting_attest', created_at, updated_at FROM payment WHERE id = $1 RETURNING id", main.getUUID("id")));
    assertTrue(refused.getMessage().contains("payment_one_live"), refused.getMessage());
  }

  @Test
  @DisplayName("the one who decided may not attest, even with the attestant role; another attestant may")
  void noSelfAttest() {
    Browser hanna = fixtures.login("hanna.dubbelroll", "Hanna Dubbelroll", "handlaggare", "attestant");
    Browser admin = fixtures.login("ada.admin", "Ada Administratörsson", "admin");
    assertEquals(200, admin.post("/api/v1/payments/attest-limits", new JsonObject().put("subject", "hanna.dubbelroll")
      .put("maxAmount", "50000")).statusCode());
    PaymentFixtures.Decided decided = fixtures.decided(hanna, "Siv", "Självattest");
    fixtures.account(decided.personId());
    fixtures.await(fixtures.payments().planner().plan());
    UUID payment = fixtures.payments(decided.applicationId()).get(0).getUUID("id");

    JsonObject list = hanna.get("/api/v1/payments/attest").bodyAsJsonObject();
    JsonObject item = item(list, payment);
    assertFalse(item.getBoolean("attestable"));
    assertEquals(new JsonArray().add("attest_self"), item.getJsonArray("blockers"));
    HttpResponse<Buffer> self = fixtures.attest(hanna, List.of(payment));
    assertEquals(400, self.statusCode());
    assertEquals("attest_self", self.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
    assertEquals("awaiting_attest", fixtures.payment(payment).getString("status"));

    HttpResponse<Buffer> other = fixtures.attest(alva, List.of(payment));
    assertEquals(200, other.statusCode(), other.bodyAsString());
    Row attested = fixtures.payment(payment);
    assertEquals("attested", attested.getString("status"));
    assertEquals("9831892246", attested.getString("creditor_number"));
    assertEquals("Siv Självattest", attested.getString("creditor_name"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'payment.attest' "
      + "AND detail->>'paymentId' = $1", payment.toString()));
  }

  @Test
  @DisplayName("the list shows totals; an attest is all or nothing, within the limit, of exactly the total seen")
  void limitsAndTotals() {
    Browser bo = fixtures.login("bo.attestant", "Bo Utangräns", "attestant");
    PaymentFixtures.Decided first = fixtures.decided(anna, "Tore", "Totalsson");
    PaymentFixtures.Decided second = fixtures.decided(anna, "Tyra", "Totalsson");
    fixtures.account(first.personId());
    fixtures.account(second.personId());
    fixtures.await(fixtures.payments().planner().plan());
    UUID a = fixtures.payments(first.applicationId()).get(0).getUUID("id");
    UUID b = fixtures.payments(second.applicationId()).get(0).getUUID("id");

    JsonObject list = alva.get("/api/v1/payments/attest").bodyAsJsonObject();
    assertEquals("50000.00", list.getString("limit"));
    assertTrue(new BigDecimal(list.getString("total")).compareTo(new BigDecimal("15040")) >= 0);
    HttpResponse<Buffer> noLimit = fixtures.attest(bo, List.of(a));
    assertEquals(400, noLimit.statusCode());
    assertEquals("attest_over_limit", noLimit.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));

    HttpResponse<Buffer> wrongTotal = alva.post("/api/v1/payments/attest", new JsonObject()
      .put("paymentIds", new JsonArray().add(a.toString()).add(b.toString())).put("total", "7520.00"));
    assertEquals(409, wrongTotal.statusCode());
    assertEquals("attest_total_changed", wrongTotal.bodyAsJsonObject().getString("error"));
    assertEquals("awaiting_attest", fixtures.payment(a).getString("status"), "nothing of a refused list is attested");

    HttpResponse<Buffer> both = fixtures.attest(alva, List.of(a, b));
    assertEquals(200, both.statusCode(), both.bodyAsString());
    assertEquals("15040.00", both.bodyAsJsonObject().getString("total"));
    assertEquals(409, fixtures.attest(alva, List.of(a)).statusCode(), "attested already: no longer waiting");
  }

  @Test
  @DisplayName("a payee without an account is not attested; the handläggare records the municipality's other route")
  void noAccount() {
    PaymentFixtures.Decided decided = fixtures.decided(anna, "Nils", "Kontolös");
    fixtures.await(fixtures.payments().planner().plan());
    UUID payment = fixtures.payments(decided.applicationId()).get(0).getUUID("id");
    assertEquals("attest_no_account", fixtures.attest(alva, List.of(payment)).bodyAsJsonObject().getJsonArray("fields")
      .getJsonObject(0).getString("error"));
    JsonObject view = anna.get("/api/v1/payments/cases/" + decided.applicationId()).bodyAsJsonObject();
    assertTrue(view.getString("alternativeRoute").contains("utbetalningskort"), view.encode());
    assertEquals(400, anna.post("/api/v1/payments/" + payment + "/manual", new JsonObject()).statusCode());
    HttpResponse<Buffer> manual = anna.post("/api/v1/payments/" + payment + "/manual",
      new JsonObject().put("method", "Utbetalningskort").put("note", "Kort nr 12 lämnat i receptionen"));
    assertEquals(200, manual.statusCode(), manual.bodyAsString());
    assertEquals("manual", fixtures.payment(payment).getString("status"));
    assertEquals("paid", fixtures.one("SELECT status FROM application WHERE id = $1", decided.applicationId())
      .getString("status"));
  }

  @Test
  @DisplayName("at the cut-off, one schema-valid pain.001 per debtor account with every attested payment and no other")
  void fileAtCutOff() throws Exception {
    PaymentFixtures.Decided attested = fixtures.decided(anna, "Frida", "Filsson");
    PaymentFixtures.Decided unattested = fixtures.decided(anna, "Otto", "Oattesterad");
    fixtures.account(attested.personId());
    fixtures.account(unattested.personId());
    fixtures.await(fixtures.payments().planner().plan());
    UUID paid = fixtures.payments(attested.applicationId()).get(0).getUUID("id");
    UUID waiting = fixtures.payments(unattested.applicationId()).get(0).getUUID("id");
    assertEquals(200, fixtures.attest(alva, List.of(paid)).statusCode());

    fixtures.passNextCutOff();
    List<UUID> batches = fixtures.await(fixtures.payments().assembler().assemble());
    assertEquals(1, batches.size(), "one debtor account in the demo calendar: one batch");
    assertEquals(List.of(), fixtures.await(fixtures.payments().assembler().assemble()), "a cut-off is handled once");
    fixtures.await(fixtures.payments().exporter().resume());

    Row batch = fixtures.one("SELECT * FROM payment_batch WHERE id = $1", batches.get(0));
    assertEquals("delivered", batch.getString("state"));
    Path file = fixtures.payments().settings().outbox().resolve(batch.getString("file_name"));
    assertTrue(Files.isRegularFile(file));
    fixtures.payments().schemas().validate(IsoSchemas.Message.PAIN_001, file);
    String xml = Files.readString(file);
    assertTrue(xml.contains("<EndToEndId>" + BankFiles.endToEnd(paid) + "</EndToEndId>"));
    assertFalse(xml.contains(BankFiles.endToEnd(waiting)), "an unattested payment is never exported");
    assertTrue(xml.contains("<MsgId>" + batch.getString("msg_id") + "</MsgId>"));
    assertEquals("sent", fixtures.state(paid));
    assertEquals("awaiting_attest", fixtures.payment(waiting).getString("status"));
    Path ledger = fixtures.payments().settings().ledgerDir().resolve(batch.getString("ledger_file_name"));
    String sie = Files.readString(ledger, java.nio.charset.Charset.forName("IBM437"));
    assertTrue(sie.contains("#TRANS 4561 {1 \"6100\" 20 \"5410\"}"), sie);
    assertTrue(sie.contains("#TRANS 1930 {} -"), sie);
    assertFalse(sie.contains("Filsson"), "the bookkeeping record carries totals, no names");
  }

  private static JsonObject item(JsonObject list, UUID payment) {
    for (Object item : list.getJsonArray("items")) {
      if (((JsonObject) item).getString("id").equals(payment.toString())) {
        return (JsonObject) item;
      }
    }
    throw new AssertionError("not on the attest list: " + payment + " in " + list.encode());
  }
}
