package se.socialportal.payment;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.payment.batch.Batch;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ContractAnswers;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.TestApp;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The payment room's answers are the ones the contract documents: a walk from a decision through the account, the
 * attest list, attest, the file, the bank's booking and the alerts, with the refusals on the way.
 */
@DisplayName("Every answer of the payment API on a walk is one the contract documents, in its schema")
class PaymentAnswersTest {

  private static final String BASE = "/api/v1/payments";

  private static TestApp app;
  private static PaymentFixtures fixtures;
  private static ContractAnswers answers;

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("paymentanswers");
    fixtures = new PaymentFixtures(app);
    answers = new ContractAnswers(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject check(String operationId, io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>
    response) {
    answers.check(operationId, response);
    String body = response.bodyAsString();
    return body != null && body.startsWith("{") ? response.bodyAsJsonObject() : new JsonObject();
  }

  @Test
  @DisplayName("resident, handläggare, attestant and administrator through the payment API")
  void walk() {
    Browser tolvan = new Browser(app);
    ResidentLogins.login(tolvan, "tolvan");
    check("paymentAccountMine", tolvan.get(BASE + "/account"));
    check("paymentAccountRegister", tolvan.post(BASE + "/account", new JsonObject().put("kind", "bank")
      .put("clearing", "8424-4").put("number", "983 189 224-7")));
    check("paymentAccountRegister", tolvan.post(BASE + "/account?device=qr", new JsonObject().put("kind", "bank")
      .put("clearing", "8424-4").put("number", "983 189 224-6")));
    check("paymentsMine", tolvan.get(BASE + "/mine"));
    check("paymentsMine", new Browser(app).get(BASE + "/mine"));

    Browser anna = fixtures.login("anna.answers", "Anna Svarsson", "handlaggare");
    Browser alva = fixtures.login("alva.answers", "Alva Svarsson", "attestant");
    Browser ada = fixtures.login("ada.answers", "Ada Svarsson", "admin");
    check("paymentSetAttestLimit", ada.post(BASE + "/attest-limits", new JsonObject().put("subject", "alva.answers")
      .put("maxAmount", "50000")));
    check("paymentSetAttestLimit", ada.post(BASE + "/attest-limits", new JsonObject().put("subject", "alva.answers")
      .put("maxAmount", "12.345")));
    check("paymentSetAttestLimit", anna.post(BASE + "/attest-limits", new JsonObject().put("subject", "x")
      .put("maxAmount", "1")));
    check("paymentAttestLimits", ada.get(BASE + "/attest-limits"));

    PaymentFixtures.Decided paid = fixtures.decided(anna, "Svea", "Svarsson");
    PaymentFixtures.Decided manual = fixtures.decided(anna, "Mats", "Svarsson");
    fixtures.account(paid.personId());
    fixtures.await(fixtures.payments().planner().plan());
    UUID payment = fixtures.payments(paid.applicationId()).get(0).getUUID("id");
    UUID withoutAccount = fixtures.payments(manual.applicationId()).get(0).getUUID("id");

    check("paymentsToAttest", alva.get(BASE + "/attest"));
    check("paymentsToAttest", anna.get(BASE + "/attest"));
    check("paymentsAttest", alva.post(BASE + "/attest", new JsonObject().put("paymentIds", new JsonArray()
      .add(payment.toString())).put("total", "1.00")));
    check("paymentsAttest", alva.post(BASE + "/attest", new JsonObject().put("paymentIds", new JsonArray()
      .add("not-an-id")).put("total", "1.00")));
    check("paymentsAttest", alva.post(BASE + "/attest", new JsonObject().put("paymentIds", new JsonArray()
      .add(withoutAccount.toString())).put("total", "7520.00")));
    BigDecimal amount = fixtures.payment(payment).getBigDecimal("amount");
    JsonObject attested = check("paymentsAttest", alva.post(BASE + "/attest", new JsonObject()
      .put("paymentIds", new JsonArray().add(payment.toString())).put("total", amount.toPlainString())));
    assertEquals(1, attested.getInteger("attested"), attested.encode());

    check("paymentsOfCase", anna.get(BASE + "/cases/" + paid.applicationId()));
    check("paymentsOfCase", anna.get(BASE + "/cases/" + manual.applicationId()));
    check("paymentsOfCase", anna.get(BASE + "/cases/" + UUID.randomUUID()));
    check("paymentsOfCase", anna.get(BASE + "/cases/not-a-case"));
    check("paymentAccountChecked", anna.post(BASE + "/" + payment + "/account-check", new JsonObject()));
    check("paymentManual", anna.post(BASE + "/" + withoutAccount + "/manual", new JsonObject()));
    check("paymentManual", anna.post(BASE + "/" + withoutAccount + "/manual", new JsonObject()
      .put("method", "Utbetalningskort")));
    check("paymentManual", anna.post(BASE + "/" + withoutAccount + "/manual", new JsonObject()
      .put("method", "Utbetalningskort")));
    check("paymentManual", anna.post(BASE + "/" + UUID.randomUUID() + "/manual", new JsonObject()
      .put("method", "Kontant")));

    fixtures.passNextCutOff();
    List<UUID> batches = fixtures.await(fixtures.payments().assembler().assemble());
    fixtures.await(fixtures.payments().exporter().resume());
    io.vertx.sqlclient.Row batch = fixtures.one("SELECT msg_id, execution_date FROM payment_batch WHERE id = $1",
      batches.get(0));
    String msgId = batch.getString("msg_id");
    BankFiles.drop(fixtures.payments().settings().inbox(), "pain002-answers.xml", BankFiles.paymentsRejected(msgId,
      Batch.paymentInformationId(msgId, batch.getLocalDate("execution_date")), List.of(payment), "AC04"));
    BankFiles.drop(fixtures.payments().settings().inbox(), "broken.xml", "<Document>");
    fixtures.await(fixtures.payments().feedback().scan());

    JsonObject alerts = check("paymentAlerts", anna.get(BASE + "/alerts"));
    check("paymentAlerts", ada.get(BASE + "/alerts"));
    check("paymentAlerts", alva.get(BASE + "/alerts"));
    check("paymentsMine", tolvan.get(BASE + "/mine"));
    for (Object alert : alerts.getJsonArray("alerts")) {
      check("paymentAlertAcknowledge", anna.post(BASE + "/alerts/" + ((JsonObject) alert).getString("id")
        + "/acknowledge", new JsonObject()));
    }
    check("paymentAlertAcknowledge", anna.post(BASE + "/alerts/" + UUID.randomUUID() + "/acknowledge",
      new JsonObject()));
    check("paymentsEjVerkstallda", ada.get(BASE + "/ej-verkstallda"));
    check("paymentsEjVerkstallda", anna.get(BASE + "/ej-verkstallda"));

    assertTrue(answers.checked() >= 30, "the walk reached every operation");
    assertEquals("", answers.problems());
  }
}
