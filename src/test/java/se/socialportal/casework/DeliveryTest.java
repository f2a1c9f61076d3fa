package se.socialportal.casework;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Futures;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Delivery is real or not claimed: handed over, delivered on the operator's word, or printed")
class DeliveryTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static Path outbox;
  private static StaffLogins.Staff anna;

  @BeforeAll
  static void start() throws IOException {
    outbox = Files.createTempDirectory("letter-outbox");
    app = TestApp.start("delivery", new JsonObject().put("LETTER_OUTBOX_DIR", outbox.toString()));
    fixtures = new CaseFixtures(app.services().pool(), app.clock());
    anna = StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static UUID decide(CaseFixtures.Case c) {
    var approved = anna.browser().post("/api/v1/casework/cases/" + c.applicationId() + "/approve",
      new JsonObject().put("proposalId", c.proposalId().toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    return UUID.fromString(approved.bodyAsJsonObject().getString("letterId"));
  }

  private static String status(UUID letter) {
    return fixtures.one("SELECT mailbox_status FROM decision_letter WHERE id = $1", Tuple.of(letter))
      .getString("mailbox_status");
  }

  private static void retry() {
    Futures.await(app.services().letters().expediering().retryPending());
  }

  @Test
  @DisplayName("the operator gets the recipient's personnummer and the sender's organisation number; 'delivered' waits for its receipt")
  void handedOverThenDelivered() throws IOException {
    CaseFixtures.Case c = fixtures.submitted("demo", "Dora", "Digital", "none", List.of());
    UUID letter = decide(c);
    assertEquals("handed_over", status(letter), "the file outbox has it; nobody has confirmed delivery");
    JsonObject meta = new JsonObject(Files.readString(outbox.resolve(letter + ".json"), StandardCharsets.UTF_8));
    assertEquals("212000-0000", meta.getString("senderOrganisationNumber"));
    String personnummer = fixtures.one("SELECT personnummer FROM person WHERE id = $1", Tuple.of(c.personId()))
      .getString(0);
    assertEquals(personnummer, meta.getJsonArray("recipients").getJsonObject(0).getString("personnummer"));
    try (var files = Files.list(outbox)) {
      assertTrue(files.noneMatch(file -> file.getFileName().toString().contains(personnummer)), "never in a file name");
    }
    retry();
    assertEquals("handed_over", status(letter), "no receipt, no claim");
    Files.writeString(outbox.resolve(letter + ".receipt.json"),
      new JsonObject().put("status", "delivered").put("reference", "op-4711").encode());
    retry();
    assertEquals("delivered", status(letter));
    assertEquals("op-4711", fixtures.one("SELECT mailbox_reference FROM decision_letter WHERE id = $1",
      Tuple.of(letter)).getString(0));
  }

  @Test
  @DisplayName("a recipient the operator cannot reach gets the letter on paper")
  void notReachable() throws IOException {
    UUID letter = decide(fixtures.submitted("demo", "Nils", "Nåbarsson", "none", List.of()));
    Files.writeString(outbox.resolve(letter + ".receipt.json"), new JsonObject().put("status", "not_reachable").encode());
    retry();
    assertEquals("print", status(letter));
  }

  @Test
  @DisplayName("a paper application's letter goes to print and never to the digital mailbox")
  void paperApplication() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Petra", "Pappersson", "none", List.of());
    fixtures.rows("UPDATE application SET channel = 'paper', registered_by_staff = $2 WHERE id = $1",
      Tuple.of(c.applicationId(), anna.staffId()));
    UUID letter = decide(c);
    assertEquals("print", status(letter));
    assertFalse(Files.exists(outbox.resolve(letter + ".json")));
  }
}
