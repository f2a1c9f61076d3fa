package se.socialportal.letters.print;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.socialportal.casework.CaseFixtures;
import se.socialportal.testing.Futures;
import se.socialportal.testing.PdfText;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The print queue against the database: paper applications' letters wait for print, a batch takes each at most once
 * (one copy per adult, protected post through Skatteverket), and moves queued → printed → sent, which the case's
 * letter then shows as posted. The API is the admin's, and downloading a batch is audit-logged per recipient.
 */
@DisplayName("The print queue: batches in the database, once per letter, queued → printed → sent")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrintQueueTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static StaffLogins.Staff anna;
  private static StaffLogins.Staff ada;

  @BeforeAll
  static void start() {
    app = TestApp.start("printqueue", new JsonObject().put("DEMO_DATA", "false"));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
    ada = StaffLogins.login(app, "ada.admin", "Ada Administratörsson", "demo", "admin");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /**
   * A paper application by the person with {@code personnummer} (and a co-applicant), decided by Anna: its letter
   * goes to print.
   */
  static UUID paperLetter(CaseFixtures fixtures, StaffLogins.Staff decider, String given, String personnummer,
                          String protection, Optional<String> coApplicant) {
    CaseFixtures.Case c = fixtures.submitted("demo", given, "Pappersson", protection, List.of());
    fixtures.rows("UPDATE person SET personnummer = $2 WHERE id = $1", Tuple.of(c.personId(), personnummer));
    fixtures.rows("UPDATE application SET channel = 'paper', registered_by_staff = $2 WHERE id = $1",
      Tuple.of(c.applicationId(), decider.staffId()));
    coApplicant.ifPresent(pnr -> {
      UUID other = fixtures.one("INSERT INTO person (personnummer, given_name, surname) VALUES ($1, 'Medsökande', "
        + "'Pappersson') RETURNING id", Tuple.of(pnr)).getUUID("id");
      fixtures.rows("UPDATE application SET co_applicant_id = $2 WHERE id = $1", Tuple.of(c.applicationId(), other));
    });
    if (!"none".equals(protection)) {
      fixtures.rows("INSERT INTO case_assignment (tenant_id, application_id, staff_id, kind, assigned_by) "
        + "VALUES ('demo', $1, $2, 'owner', $2)", Tuple.of(c.applicationId(), decider.staffId()));
    }
    var approved = decider.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/approve",
      new JsonObject().put("proposalId", c.proposalId().toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    UUID letter = UUID.fromString(approved.bodyAsJsonObject().getString("letterId"));
    assertEquals("print", fixtures.one("SELECT mailbox_status FROM decision_letter WHERE id = $1", Tuple.of(letter))
      .getString(0));
    return letter;
  }

  private static long count(String sql, Object... args) {
    return fixtures.count(sql, args);
  }

  @Test
  @Order(1)
  @DisplayName("a batch takes every addressable waiting letter once; running again adds nothing; an unknown address waits")
  void batchOnce() {
    UUID tolvan = paperLetter(fixtures, anna, "Tolvan", "191212121212", "none", Optional.of("198001019804"));
    UUID signe = paperLetter(fixtures, anna, "Signe", "198503159827", "skyddad_folkbokforing", Optional.empty());
    UUID unknown = paperLetter(fixtures, anna, "Okänd", "199001019999", "none", Optional.empty());
    assertEquals("waiting", Futures.await(new se.socialportal.bistand.cases.DecisionsAndPayments(app.clock())
      .read(app.services().pool(), fixtures.one("SELECT application_id FROM decision_letter WHERE id = $1",
        Tuple.of(unknown)).getUUID(0), "demo")).getJsonArray("letters").getJsonObject(0).getString("post"),
      "Mina sidor: skickas med post");
    PrintQueue queue = app.services().letters().printQueue();

    PrintQueue.Run run = Futures.await(queue.createBatch("demo", Optional.empty()));
    assertEquals(2, run.letters());
    assertEquals(1, run.unaddressed(), "the register has no address for the third: it stays waiting");
    UUID batch = run.batchId().orElseThrow();
    var row = fixtures.one("SELECT letter_count, copy_count, page_count, status, created_by, sha256, pdf "
      + "FROM print_batch WHERE id = $1", Tuple.of(batch));
    assertEquals(2, row.getInteger("letter_count"));
    assertEquals(3, row.getInteger("copy_count"), "two adults in Tolvan's household, Signe alone");
    assertEquals("queued", row.getString("status"));
    assertEquals(null, row.getUUID("created_by"), "the daily job's batch");
    byte[] pdf = row.getBuffer("pdf").getBytes();
    assertEquals(se.socialportal.letters.LetterRepository.sha256(pdf), row.getString("sha256"));
    String text = PdfText.of(pdf);
    assertTrue(text.contains("Tolvansgatan 12") && text.contains("Testvägen 1"), "both adults' copies are addressed");
    assertTrue(text.contains("Box 2820") && !text.contains("Hemliga vägen"), "Signe only through Skatteverket");
    assertEquals(2, count("SELECT count(*) FROM print_batch_letter WHERE batch_id = $1 AND letter_id IN ($2, $3)",
      batch, tolvan, signe));
    assertEquals(0, count("SELECT count(*) FROM print_batch_letter WHERE letter_id = $1", unknown));

    PrintQueue.Run again = Futures.await(queue.createBatch("demo", Optional.empty()));
    assertTrue(again.batchId().isEmpty(), "nothing new: no second batch");
    assertEquals(1, count("SELECT count(*) FROM print_batch"));
    assertEquals(2, count("SELECT count(*) FROM print_batch_letter"));
  }

  @Test
  @Order(2)
  @DisplayName("the admin marks the batch printed, then sent; the case's letter reads 'posted' with the day; order is enforced")
  void printedThenSent() {
    UUID batch = fixtures.one("SELECT id FROM print_batch ORDER BY created_at DESC LIMIT 1", Tuple.tuple()).getUUID(0);
    var early = ada.browser().post("/api/v1/print/batches/" + batch + "/sent", new JsonObject());
    assertEquals(409, early.statusCode(), "not printed yet");
    assertEquals("print_batch_status", early.bodyAsJsonObject().getString("error"));

    var printed = ada.browser().post("/api/v1/print/batches/" + batch + "/printed", new JsonObject());
    assertEquals(200, printed.statusCode(), printed.bodyAsString());
    assertEquals("printed", printed.bodyAsJsonObject().getString("status"));
    assertEquals(0, count("SELECT count(*) FROM print_batch_letter WHERE batch_id = $1 AND status <> 'printed'", batch));
    assertEquals(2, count("SELECT count(*) FROM decision_letter l JOIN print_batch_letter b ON b.letter_id = l.id "
      + "WHERE b.batch_id = $1 AND l.mailbox_status = 'print'", batch), "not posted before it is sent");

    var sent = ada.browser().post("/api/v1/print/batches/" + batch + "/sent", new JsonObject());
    assertEquals(200, sent.statusCode(), sent.bodyAsString());
    assertEquals("sent", sent.bodyAsJsonObject().getString("status"));
    assertEquals(2, count("SELECT count(*) FROM decision_letter l JOIN print_batch_letter b ON b.letter_id = l.id "
      + "WHERE b.batch_id = $1 AND l.mailbox_status = 'posted' AND l.mailbox_at IS NOT NULL AND b.status = 'sent'",
      batch));
    assertEquals(409, ada.browser().post("/api/v1/print/batches/" + batch + "/sent", new JsonObject()).statusCode());

    // The handläggare's view of the case shows the letter as sent by post, with the day.
    UUID application = fixtures.one("SELECT l.application_id FROM decision_letter l JOIN print_batch_letter b "
      + "ON b.letter_id = l.id JOIN person p ON p.id = l.recipient_ids[1] WHERE b.batch_id = $1 "
      + "AND p.personnummer = '191212121212'", Tuple.of(batch)).getUUID(0);
    JsonObject view = anna.browser().get("/api/v1/casework/cases/" + application).bodyAsJsonObject();
    JsonObject letter = view.getJsonArray("letters").getJsonObject(0);
    assertEquals("posted", letter.getString("mailboxStatus"));
    assertTrue(letter.getString("mailboxAt") != null);
    // Mina sidor reads the same: sent by post, on the day the batch was marked sent.
    JsonObject resident = Futures.await(new se.socialportal.bistand.cases.DecisionsAndPayments(app.clock())
      .read(app.services().pool(), application, "demo")).getJsonArray("letters").getJsonObject(0);
    assertEquals("sent", resident.getString("post"));
    assertEquals(letter.getString("mailboxAt"), resident.getString("postedAt"));
  }

  @Test
  @Order(3)
  @DisplayName("only an admin reaches the print API; a download writes one audit row per recipient")
  void accessAndAudit() {
    assertEquals(403, anna.browser().get("/api/v1/print/batches").statusCode());
    JsonObject overview = ada.browser().get("/api/v1/print/batches").bodyAsJsonObject();
    assertEquals(1, overview.getJsonArray("batches").size());
    assertEquals(1, overview.getJsonArray("waiting").size(), "the letter without an address still waits");
    assertFalse(overview.encode().contains("Pappersson"), "the list names no one");
    String batch = overview.getJsonArray("batches").getJsonObject(0).getString("id");

    long before = count("SELECT count(*) FROM audit_event WHERE action = 'print_batch.read'");
    var pdf = ada.browser().get("/api/v1/print/batches/" + batch + "/pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.getHeader("Content-Type"));
    assertTrue(PdfText.of(pdf.body().getBytes()).contains("Tolvansgatan 12"));
    assertEquals(before + 3, count("SELECT count(*) FROM audit_event WHERE action = 'print_batch.read' "
      + "AND actor_staff_id = $1 AND person_id IS NOT NULL AND case_id IS NOT NULL", ada.staffId()),
      "three recipients in the batch");
    assertEquals(404, ada.browser().get("/api/v1/print/batches/" + UUID.randomUUID() + "/pdf").statusCode());
    assertEquals(403, anna.browser().get("/api/v1/print/batches/" + batch + "/pdf").statusCode());
  }

  @Test
  @Order(4)
  @DisplayName("without an address source the batch says it cannot address letters and stores nothing")
  void noSource() {
    paperLetter(fixtures, anna, "Testa", "199207049843", "none", Optional.empty());
    long batches = count("SELECT count(*) FROM print_batch");
    PrintQueue unconnected = new PrintQueue(app.vertx(), app.services().pool(), app.clock(),
      new NoPostalAddressSource());
    Throwable refused = Futures.failureOf(unconnected.createBatch("demo", Optional.empty()));
    assertEquals("print_no_address_source", refused.getMessage());
    assertEquals(batches, count("SELECT count(*) FROM print_batch"));
    // The configured (simulator) queue then prints it, through the page's API.
    var made = ada.browser().post("/api/v1/print/batches", new JsonObject());
    assertEquals(201, made.statusCode(), made.bodyAsString());
    assertEquals(1, made.bodyAsJsonObject().getJsonObject("batch").getInteger("letters"));
    assertEquals("Ada Administratörsson", made.bodyAsJsonObject().getJsonObject("batch").getString("createdBy"));
    var none = ada.browser().post("/api/v1/print/batches", new JsonObject());
    assertEquals(409, none.statusCode());
    assertEquals("print_unaddressed", none.bodyAsJsonObject().getString("error"),
      "only the letter without an address is left");
  }
}
