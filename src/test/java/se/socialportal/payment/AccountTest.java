package se.socialportal.payment;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.TestApp;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The payout account: checked by the banks' rules, confirmed with the resident's BankID, masked for staff")
class AccountTest {

  private static TestApp app;
  private static PaymentFixtures fixtures;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("paymentaccount");
    fixtures = new PaymentFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Starts a registration and signs it on the simulated phone as {@code identity}; the collect answer. */
  private static JsonObject register(Browser resident, String identity, JsonObject account) {
    HttpResponse<Buffer> started = resident.post("/api/v1/payments/account?device=same", account);
    assertEquals(200, started.statusCode(), started.bodyAsString());
    JsonObject order = started.bodyAsJsonObject();
    ResidentLogins.approve(resident, ResidentLogins.open(resident, order), identity);
    return resident.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
  }

  private static UUID person(String personnummer) {
    return fixtures.one("SELECT id FROM person WHERE personnummer = $1", personnummer).getUUID("id");
  }

  @Test
  @DisplayName("a valid account is registered only when the BankID signature completes, with its evidence")
  void registerWithBankId() {
    Browser tolvan = new Browser(app);
    ResidentLogins.login(tolvan, "tolvan");
    assertFalse(tolvan.get("/api/v1/payments/account").bodyAsJsonObject().containsKey("account"));
    JsonObject done = register(tolvan, "tolvan", new JsonObject().put("kind", "bank").put("clearing", "8424-4")
      .put("number", "983 189 224-6"));
    assertEquals("complete", done.getString("status"), done.encode());
    assertEquals("account_registered", done.getString("outcome"));
    JsonObject mine = tolvan.get("/api/v1/payments/account").bodyAsJsonObject();
    assertEquals("Swedbank ****2246", mine.getJsonObject("account").getString("masked"));
    Row stored = fixtures.one("SELECT * FROM payout_account WHERE person_id = $1", person("191212121212"));
    assertEquals("84244", stored.getString("clearing"));
    assertEquals("9831892246", stored.getString("number"));
    assertTrue(new String(java.util.Base64.getDecoder().decode(stored.getString("signature")),
      java.nio.charset.StandardCharsets.UTF_8).contains("Signature"), "the XML signature is kept, as BankID gave it");
    assertTrue(stored.getString("signed_text").contains("Swedbank: 84244 9831892246"));
    assertEquals(1, fixtures.count("SELECT count(*) FROM audit_event WHERE action = 'payout_account.register' "
      + "AND person_id = $1", person("191212121212")));
  }

  @Test
  @DisplayName("a wrong check digit, someone else's personkonto or a giro the municipality does not take: refused, nothing stored")
  void refused() {
    Browser testa = new Browser(app);
    ResidentLogins.login(testa, "testa");
    long before = fixtures.count("SELECT count(*) FROM payout_account_request");
    HttpResponse<Buffer> wrong = testa.post("/api/v1/payments/account", new JsonObject().put("kind", "bank")
      .put("clearing", "9420").put("number", "417 23 86"));
    assertEquals(400, wrong.statusCode());
    JsonObject field = wrong.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("number", field.getString("field"));
    assertEquals("account_number_check", field.getString("error"));
    assertTrue(field.getString("message").contains("Forex Bank"), field.encode());
    HttpResponse<Buffer> notOwn = testa.post("/api/v1/payments/account", new JsonObject().put("kind", "bank")
      .put("clearing", "3300").put("number", "121212-1212"));
    assertEquals("account_personkonto_not_own", notOwn.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
    HttpResponse<Buffer> giro = testa.post("/api/v1/payments/account", new JsonObject().put("kind", "bankgiro")
      .put("number", "505-1057"));
    assertEquals("account_giro_not_accepted", giro.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
    assertEquals(before, fixtures.count("SELECT count(*) FROM payout_account_request"));
    // Testa's own personkonto is her personnummer: that one is fine.
    JsonObject own = register(testa, "testa", new JsonObject().put("kind", "bank").put("clearing", "3300")
      .put("number", "800101-9804"));
    assertEquals("account_registered", own.getString("outcome"), own.encode());
    assertEquals("Nordea, personkonto", testa.get("/api/v1/payments/account").bodyAsJsonObject()
      .getJsonObject("account").getString("masked"));
  }

  @Test
  @DisplayName("changing the account sends attested payments back, holds them for a staff check, and staff see it masked")
  void changeHoldsPayment() {
    Browser ylva = new Browser(app);
    ResidentLogins.login(ylva, "ylva");
    assertEquals("account_registered", register(ylva, "ylva", new JsonObject().put("kind", "bank")
      .put("clearing", "9420").put("number", "417 23 85")).getString("outcome"));
    UUID ylvaId = person("200502289861");
    // A decision on Ylva's demo case, and its payment attested to the first account.
    Browser anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    Row application = fixtures.one("SELECT a.id, b.id AS proposal FROM application a JOIN beslutsforslag b "
      + "ON b.application_id = a.id WHERE a.applicant_id = $1", ylvaId);
    for (Row warning : fixtures.payments().pool().preparedQuery("SELECT id FROM case_warning WHERE application_id = $1")
      .execute(io.vertx.sqlclient.Tuple.of(application.getUUID("id"))).toCompletionStage().toCompletableFuture().join()) {
      anna.post("/api/v1/casework/cases/" + application.getUUID("id") + "/warnings/" + warning.getUUID("id")
        + "/acknowledge", new JsonObject().put("note", "Lönen stämmer med lönebeskedet."));
    }
    HttpResponse<Buffer> approved = anna.post("/api/v1/casework/cases/" + application.getUUID("id") + "/approve",
      new JsonObject().put("proposalId", application.getUUID("proposal").toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    fixtures.await(fixtures.payments().planner().plan());
    UUID payment = fixtures.payments(application.getUUID("id")).get(0).getUUID("id");
    Browser alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
    assertEquals(200, fixtures.attest(alva, List.of(payment)).statusCode());
    assertEquals("4172385", fixtures.payment(payment).getString("creditor_number"));

    assertEquals("account_registered", register(ylva, "ylva", new JsonObject().put("kind", "bank")
      .put("clearing", "6789").put("number", "123 456 789")).getString("outcome"));
    Row back = fixtures.payment(payment);
    assertEquals("awaiting_attest", back.getString("status"), "no money follows an account nobody attested it to");
    assertEquals(null, back.getString("creditor_number"));
    assertEquals("attest_account_changed", fixtures.attest(alva, List.of(payment)).bodyAsJsonObject()
      .getJsonArray("fields").getJsonObject(0).getString("error"));

    JsonObject view = anna.get("/api/v1/payments/cases/" + application.getUUID("id")).bodyAsJsonObject();
    assertEquals("Handelsbanken ****6789", view.getJsonObject("account").getString("masked"));
    assertTrue(view.getJsonObject("account").getBoolean("changed"));
    assertFalse(view.encode().contains("123456789"), "staff never see the whole number");
    assertTrue(view.getJsonArray("payments").getJsonObject(0).getBoolean("accountCheckNeeded"));
    assertEquals(200, anna.post("/api/v1/payments/" + payment + "/account-check", new JsonObject()).statusCode());
    assertEquals(200, fixtures.attest(alva, List.of(payment)).statusCode());
    assertEquals("123456789", fixtures.payment(payment).getString("creditor_number"));
  }
}
