package se.socialportal.payment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.cases.DecisionsAndPayments;
import se.socialportal.payment.batch.Batch;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the resident's case page reads of a granted case's payment, on the server's fixed clock (Wednesday 15 April
 * 2026): the payout day the payment plan chose, then the day the bank's camt.054 says it was paid, or no date at all
 * once the bank has refused it.
 */
@DisplayName("The case page's payment date: planned payout day, the day the bank paid, or failed")
class CasePaymentDateTest {

  private static TestApp app;
  private static PaymentFixtures fixtures;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("casepaymentdate");
    fixtures = new PaymentFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject onCasePage(UUID application) {
    JsonArray payments = fixtures.await(app.services().pool().withConnection(connection ->
      new DecisionsAndPayments(app.clock()).read(connection, application, "demo"))).getJsonArray("payments");
    assertEquals(1, payments.size(), payments.encode());
    return payments.getJsonObject(0);
  }

  @Test
  @DisplayName("planned for the calendar's payout day, sent with that day, paid on the day camt.054 booked it; a pain.002 rejection leaves no date")
  void plannedSentPaidOrFailed() {
    assertEquals(LocalDate.of(2026, 4, 15), app.clock().today());
    Browser anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    Browser alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
    PaymentFixtures.Decided paid = fixtures.decided(anna, "Pia", "Planerad");
    PaymentFixtures.Decided refused = fixtures.decided(anna, "Fia", "Felsson");
    fixtures.account(paid.personId());
    fixtures.account(refused.personId());
    fixtures.await(fixtures.payments().planner().plan());

    JsonObject planned = onCasePage(paid.applicationId());
    assertEquals("planned", planned.getString("status"));
    assertEquals(0, new BigDecimal("7520").compareTo(new BigDecimal(planned.getString("amount"))));
    // Decided on a Wednesday before the 13:00 cut-off: the demo calendar pays out the next banking day.
    assertEquals("2026-04-16", planned.getString("payDate"));

    UUID paidPayment = fixtures.payments(paid.applicationId()).get(0).getUUID("id");
    UUID refusedPayment = fixtures.payments(refused.applicationId()).get(0).getUUID("id");
    assertEquals(200, fixtures.attest(alva, List.of(paidPayment, refusedPayment)).statusCode());
    assertEquals("planned", onCasePage(paid.applicationId()).getString("status"), "attested, not yet in a file");

    fixtures.passNextCutOff();
    fixtures.await(fixtures.payments().runJobs());
    Row batch = fixtures.one("SELECT * FROM payment_batch WHERE state = 'delivered'");
    JsonObject sent = onCasePage(paid.applicationId());
    assertEquals("sent", sent.getString("status"));
    assertEquals(batch.getLocalDate("execution_date").toString(), sent.getString("payDate"));

    LocalDate booked = batch.getLocalDate("execution_date").plusDays(1);
    BankFiles.drop(fixtures.payments().settings().inbox(), "camt054.xml", BankFiles.booked(List.of(paidPayment),
      List.of(new BigDecimal("7520")), booked));
    BankFiles.drop(fixtures.payments().settings().inbox(), "pain002.xml", BankFiles.paymentsRejected(
      batch.getString("msg_id"), Batch.paymentInformationId(batch.getString("msg_id"),
        batch.getLocalDate("execution_date")), List.of(refusedPayment), "AC04"));
    fixtures.await(fixtures.payments().runJobs());

    JsonObject done = onCasePage(paid.applicationId());
    assertEquals("paid", done.getString("status"));
    assertEquals(booked.toString(), done.getString("payDate"), "the day the bank booked it, not the planned day");

    JsonArray afterRefusal = fixtures.await(app.services().pool().withConnection(connection ->
      new DecisionsAndPayments(app.clock()).read(connection, refused.applicationId(), "demo")))
      .getJsonArray("payments");
    JsonObject failed = afterRefusal.stream().map(JsonObject.class::cast)
      .filter(payment -> payment.getString("id").equals(refusedPayment.toString())).findFirst().orElseThrow();
    assertEquals("failed", failed.getString("status"));
    assertNull(failed.getString("payDate"), "a refused payment has no date to promise");
  }
}
