package se.socialportal.payment;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.payment.batch.Batch;
import se.socialportal.payment.feedback.FeedbackImporter;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The bank's feedback: pain.002 in both stages, camt.054 bookings, and files that cannot be used")
class FeedbackTest {

  private static TestApp app;
  private static PaymentFixtures fixtures;
  private static Browser anna;
  private static Browser alva;
  private static Browser ada;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("paymentfeedback");
    fixtures = new PaymentFixtures(app);
  }

  /** Fresh logins for each test: the clock moves a banking day per cut-off, past any session's lifetime. */
  @BeforeEach
  void logins() {
    login();
  }

  private static void login() {
    anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
    ada = fixtures.login("ada.admin", "Ada Administratörsson", "admin");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Decided, attested and sent in one batch: the payment ids and the batch row. */
  private record Sent(List<UUID> payments, List<UUID> applications, Row batch) {
  }

  private static Sent sent(String surname, int cases) {
    List<UUID> payments = new ArrayList<>();
    List<UUID> applications = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      PaymentFixtures.Decided decided = fixtures.decided(anna, "Person" + i, surname);
      fixtures.account(decided.personId());
      fixtures.await(fixtures.payments().planner().plan());
      payments.add(fixtures.payments(decided.applicationId()).get(0).getUUID("id"));
      applications.add(decided.applicationId());
    }
    assertEquals(200, fixtures.attest(alva, payments).statusCode());
    fixtures.passNextCutOff();
    UUID batch = fixtures.await(fixtures.payments().assembler().assemble()).get(0);
    fixtures.await(fixtures.payments().exporter().resume());
    Row row = fixtures.one("SELECT * FROM payment_batch WHERE id = $1", batch);
    assertEquals("delivered", row.getString("state"));
    login();
    return new Sent(payments, applications, row);
  }

  private static Path inbox() {
    return fixtures.payments().settings().inbox();
  }

  private static List<FeedbackImporter.Outcome> scan() {
    return fixtures.await(fixtures.payments().feedback().scan());
  }

  @Test
  @DisplayName("camt.054: a booked debit is paid on its booking date, and the case shows Utbetald; someone else's entry is left")
  void booked() {
    Sent sent = sent("Bokadsson", 2);
    BankFiles.drop(inbox(), "camt054-1.xml", BankFiles.booked(sent.payments(),
      List.of(new BigDecimal("7520"), new BigDecimal("7520")), sent.batch().getLocalDate("execution_date")));
    List<FeedbackImporter.Outcome> outcomes = scan();
    assertEquals("processed", outcomes.get(0).result(), outcomes.toString());
    assertEquals(2, outcomes.get(0).detail().getInteger("paid"));
    assertEquals(1, outcomes.get(0).detail().getInteger("unmatched"), "the municipality's other payment");
    for (int i = 0; i < 2; i++) {
      Row payment = fixtures.payment(sent.payments().get(i));
      assertEquals("paid", payment.getString("status"));
      assertEquals(sent.batch().getLocalDate("execution_date"), payment.getLocalDate("paid_on"));
      assertEquals("paid", fixtures.one("SELECT status FROM application WHERE id = $1", sent.applications().get(i))
        .getString("status"));
    }
    assertTrue(Files.exists(inbox().resolve("processed").resolve("camt054-1.xml")));
    // The same file again (the bank sent it twice): recognised, nothing changes.
    BankFiles.drop(inbox(), "camt054-1-again.xml", readProcessed("camt054-1.xml"));
    assertEquals("duplicate", scan().get(0).result());
  }

  @Test
  @DisplayName("pain.002, stage one: the whole file rejected — every payment failed, successors wait for a new attest")
  void fileRejected() {
    Sent sent = sent("Filavvisad", 2);
    BankFiles.drop(inbox(), "pain002-file.xml", BankFiles.fileStatus(sent.batch().getString("msg_id"), "RJCT", "FF01"));
    assertEquals("processed", scan().get(0).result());
    assertEquals("rejected", fixtures.one("SELECT state FROM payment_batch WHERE id = $1", sent.batch().getUUID("id"))
      .getString("state"));
    for (UUID id : sent.payments()) {
      Row failed = fixtures.payment(id);
      assertEquals("failed", failed.getString("status"));
      assertEquals("FF01", failed.getString("failure_code"));
      assertTrue(failed.getString("failure_text").startsWith("Filen hade fel format."), failed.getString("failure_text"));
      Row successor = fixtures.one("SELECT * FROM payment WHERE replaces_id = $1", id);
      assertEquals("awaiting_attest", successor.getString("status"), "a new payment only after a new attest");
    }
    assertEquals("payment_failed", fixtures.one("SELECT status FROM application WHERE id = $1",
      sent.applications().get(0)).getString("status"));
    JsonObject adminAlerts = ada.get("/api/v1/payments/alerts").bodyAsJsonObject();
    assertTrue(adminAlerts.encode().contains("batch_rejected"), adminAlerts.encode());
  }

  @Test
  @DisplayName("pain.002, stage one accepted, then stage two: one payment rejected with AC04, in plain Swedish, alerting the handläggare")
  void paymentRejected() {
    Sent sent = sent("Kontostängd", 2);
    BankFiles.drop(inbox(), "pain002-a.xml", BankFiles.fileStatus(sent.batch().getString("msg_id"), "ACTC", null));
    assertEquals("processed", scan().get(0).result());
    assertEquals("accepted", fixtures.one("SELECT state FROM payment_batch WHERE id = $1", sent.batch().getUUID("id"))
      .getString("state"));
    assertEquals("sent", fixtures.state(sent.payments().get(0)));

    String block = Batch.paymentInformationId(sent.batch().getString("msg_id"),
      sent.batch().getLocalDate("execution_date"));
    BankFiles.drop(inbox(), "pain002-b.xml", BankFiles.paymentsRejected(sent.batch().getString("msg_id"), block,
      List.of(sent.payments().get(0)), "AC04"));
    assertEquals(1, scan().get(0).detail().getInteger("rejected"));
    Row failed = fixtures.payment(sent.payments().get(0));
    assertEquals("failed", failed.getString("status"));
    assertEquals("Kontot är avslutat.", failed.getString("failure_text"));
    assertEquals("sent", fixtures.state(sent.payments().get(1)), "the other payment is untouched");
    JsonObject alerts = anna.get("/api/v1/payments/alerts").bodyAsJsonObject();
    assertTrue(alerts.encode().contains("Kontot är avslutat."), alerts.encode());
    assertTrue(alerts.encode().contains(sent.applications().get(0).toString()));
    // Until the resident gives another account, the successor cannot be attested to the same one.
    UUID successor = fixtures.one("SELECT id FROM payment WHERE replaces_id = $1", sent.payments().get(0)).getUUID("id");
    assertEquals("attest_account_rejected", fixtures.attest(alva, List.of(successor)).bodyAsJsonObject()
      .getJsonArray("fields").getJsonObject(0).getString("error"));
  }

  @Test
  @DisplayName("a malformed or unknown file is moved aside with the reason and an admin alert; no payment changes")
  void unusableFiles() throws Exception {
    Sent sent = sent("Orörd", 1);
    String before = paymentsSnapshot();
    BankFiles.drop(inbox(), "a-not-xml.xml", "this is not XML");
    BankFiles.drop(inbox(), "b-other.xml", "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:example:invoice\"/>");
    BankFiles.drop(inbox(), "c-broken.xml", BankFiles.fileStatus(sent.batch().getString("msg_id"), "RJCT", "FF01")
      .replace("<OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>", ""));
    BankFiles.drop(inbox(), "d-unknown.xml", BankFiles.fileStatus("SP000000000000000000000000", "RJCT", "FF01"));
    BankFiles.drop(inbox(), "e-entity.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
      + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.02\">&x;</Document>");
    List<FeedbackImporter.Outcome> outcomes = scan();
    assertEquals(5, outcomes.size());
    outcomes.forEach(outcome -> assertEquals("rejected", outcome.result(), outcome.toString()));
    assertTrue(outcomes.get(3).detail().getString("reason").contains("never sent"), outcomes.get(3).toString());
    for (String name : List.of("a-not-xml.xml", "b-other.xml", "c-broken.xml", "d-unknown.xml", "e-entity.xml")) {
      assertTrue(Files.exists(inbox().resolve("rejected").resolve(name)), name);
    }
    assertEquals(before, paymentsSnapshot(), "nothing about payments changed");
    assertEquals("sent", fixtures.state(sent.payments().get(0)));
    String alerts = ada.get("/api/v1/payments/alerts").bodyAsJsonObject().encode();
    assertTrue(alerts.contains("d-unknown.xml"), alerts);
    assertTrue(alerts.contains("feedback_file_rejected"));
  }

  private static String paymentsSnapshot() {
    return fixtures.one("SELECT string_agg(id::text || status || coalesce(failure_code, ''), ',' ORDER BY id) AS s, "
      + "(SELECT count(*) FROM payment_feedback_file) AS files FROM payment").toJson().encode();
  }

  private static String readProcessed(String name) {
    try {
      return Files.readString(inbox().resolve("processed").resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
