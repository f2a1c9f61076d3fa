package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.signing.Cosignature;
import se.socialportal.bistand.signing.SignatureOrders;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.bistand.signing.SignerRole;
import se.socialportal.bistand.signing.SignatureStart;
import se.socialportal.bistand.signing.ApplicationSignature;
import se.socialportal.bistand.signing.SigningService;
import se.socialportal.identity.session.Session;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.count;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("Signing and submission: the applicant signs, the co-applicant co-signs, the robot's job is queued once")
class SigningTest {

  private static TestApp app;
  private static BistandModule module;

  @BeforeAll
  static void start() {
    app = TestApp.start("bistandsigning");
    module = app.services().bistand();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("an applicant alone: signing submits, stores the evidence and queues exactly one robot job")
  void applicantAlone() {
    var resident = Residents.login(app, "19810101", "Hans", "Holm");
    String id = Fixtures.ready(resident, Fixtures.single(), null);
    ApplicationSignature subject = Fixtures.applicant(app, id);
    JsonObject done = Fixtures.completeSignature(app, module, resident.id, subject);
    assertEquals("submitted", done.getString("outcome"));
    assertEquals("/mina-sidor/arende/?id=" + id, done.getString("redirect"));
    UUID uuid = UUID.fromString(id);
    assertEquals(1, count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1 AND application_version = 1", uuid));
    assertEquals(1, count(app, "SELECT count(*) FROM application_signature WHERE application_id = $1 AND role = 'applicant' "
      + "AND signature = 'PHNpZ25hdHVyZT4=' AND ocsp_response = 'b2NzcA==' AND order_ref LIKE 'ref-%'", uuid));
    assertEquals(0, count(app, "SELECT count(*) FROM application_attachment WHERE application_id = $1 AND sent_at IS NULL", uuid),
      "the attachments went with the submission");
    // A second completed order for the same application (a double submission) changes nothing.
    JsonObject again = Fixtures.completeSignature(app, module, resident.id, subject);
    assertEquals("refused", again.getString("outcome"));
    assertEquals(1, count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", uuid));
    assertEquals(1, count(app, "SELECT count(*) FROM application_signature WHERE application_id = $1", uuid));
    var view = expect(200, resident.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("submitted", view.getString("status"));
    assertEquals("applicant", view.getJsonArray("signatures").getJsonObject(0).getString("role"));
    assertEquals("Hans Holm", view.getJsonArray("signatures").getJsonObject(0).getString("name"));
  }

  @Test
  @DisplayName("a signature of content that changed after the order started is refused")
  void changedContent() {
    var resident = Residents.login(app, "19810102", "Ines", "Ising");
    String id = Fixtures.ready(resident, Fixtures.single(), null);
    String oldHash = Fixtures.hash(app, id);
    JsonObject changed = Fixtures.single();
    changed.getJsonObject("housing").put("rent", 7900);
    expect(200, resident.put("/api/v1/applications/" + id + "/content", new JsonObject().put("content", changed)));
    JsonObject done = Fixtures.completeSignature(app, module, resident.id, new ApplicationSignature(UUID.fromString(id), SignerRole.APPLICANT, oldHash));
    assertEquals("refused", done.getString("outcome"));
    assertEquals("application_changed", done.getString("reason"));
    assertEquals(0, count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", UUID.fromString(id)));
  }

  @Test
  @DisplayName("with a co-applicant: asked on their Mina sidor, the applicant sees who signed, submitted after both")
  void coSigning() {
    var applicant = Residents.login(app, "19810103", "Jan", "Jansson");
    var sambo = Residents.login(app, "19830204", "Kia", "Kvist");
    String id = Fixtures.ready(applicant, Fixtures.couple(), sambo);
    UUID uuid = UUID.fromString(id);
    assertEquals(404, sambo.get("/api/v1/cases/" + id).statusCode(), "a draft is the applicant's alone");
    String hash = Fixtures.hash(app, id);
    JsonObject first = Fixtures.completeSignature(app, module, applicant.id, new ApplicationSignature(UUID.fromString(id), SignerRole.APPLICANT, hash));
    assertEquals("awaiting_cosignature", first.getString("outcome"));
    assertEquals(0, count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", uuid),
      "not to the robot before the co-applicant has signed");
    assertEquals(1, count(app, "SELECT count(*) FROM notification_outbox WHERE person_id = $1 AND kind = 'cosign_requested'",
      sambo.id));

    var asked = expect(200, sambo.get("/api/v1/cases")).bodyAsJsonObject().getJsonArray("cases").getJsonObject(0);
    assertEquals(id, asked.getString("id"));
    assertEquals("coApplicant", asked.getString("role"));
    assertTrue(asked.getJsonObject("actions").getBoolean("cosign"));
    var applicantView = expect(200, applicant.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("awaiting_cosignature", applicantView.getString("status"));
    assertEquals(1, applicantView.getJsonArray("signatures").size());
    assertNull(applicantView.getJsonObject("coApplicant").getValue("name"),
      "the applicant named the co-applicant by personnummer and learns nothing more, not even the name");
    assertFalse(applicantView.encode().contains("Kvist"), applicantView.encode());
    var samboView = expect(200, sambo.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("Kia Kvist", samboView.getJsonObject("coApplicant").getString("name"), "their own name");
    assertEquals("Jan Jansson", samboView.getJsonObject("applicant").getString("name"), "who asks them to sign");
    assertFalse(applicantView.getJsonObject("actions").getBoolean("cosign"));

    // Someone else completing the co-applicant's order is refused (BankID also binds the order to the person).
    var stranger = Residents.login(app, "19810109", "Lo", "Lund");
    assertEquals("refused", Fixtures.completeSignature(app, module, stranger.id,
      new ApplicationSignature(UUID.fromString(id), SignerRole.CO_APPLICANT, hash)).getString("outcome"));

    JsonObject second = Fixtures.completeSignature(app, module, sambo.id, new ApplicationSignature(UUID.fromString(id), SignerRole.CO_APPLICANT, hash));
    assertEquals("submitted", second.getString("outcome"));
    assertEquals(1, count(app, "SELECT count(*) FROM robot_job WHERE application_id = $1", uuid));
    assertEquals(2, count(app, "SELECT count(*) FROM application_household_month WHERE application_id = $1", uuid),
      "both adults now hold the month");
    var after = expect(200, applicant.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals(2, after.getJsonArray("signatures").size());
    assertEquals("submitted", after.getString("status"));
    // The co-applicant can no longer start an application of their own for the month.
    var own = sambo.post("/api/v1/applications", new JsonObject().put("month", app.clock().thisMonth().toString()),
      "sambo-own-1");
    assertEquals(409, own.statusCode());
  }

  @Test
  @DisplayName("reminders until the deadline; then back to draft, the applicant told; a decline does the same")
  void deadlineAndReminders() {
    var applicant = Residents.login(app, "19810104", "Mats", "Mo");
    var sambo = Residents.login(app, "19830205", "Nora", "Nyström");
    String id = Fixtures.ready(applicant, Fixtures.couple(), sambo);
    Fixtures.completeSignature(app, module, applicant.id, Fixtures.applicant(app, id));
    UUID uuid = UUID.fromString(id);
    Instant asked = Futures.await(ApplicationRepository.find(app.services().pool(), uuid)).orElseThrow()
      .cosignRequestedAt().orElseThrow();
    var notifier = module.notifier();
    Cosignature early = new Cosignature(app.services().pool(), at(asked.plus(Duration.ofHours(23))), notifier,
      Duration.ofHours(24));
    assertEquals(new Cosignature.Run(0, 0), Futures.await(early.run()));
    Cosignature day = new Cosignature(app.services().pool(), at(asked.plus(Duration.ofHours(25))), notifier,
      Duration.ofHours(24));
    assertEquals(1, Futures.await(day.run()).reminded());
    assertEquals(0, Futures.await(day.run()).reminded(), "one reminder per interval");
    assertEquals(1, count(app, "SELECT count(*) FROM notification_outbox WHERE person_id = $1 AND kind = 'cosign_reminder'",
      sambo.id));
    Cosignature late = new Cosignature(app.services().pool(), at(asked.plus(Duration.ofHours(73))), notifier,
      Duration.ofHours(24));
    assertEquals(1, Futures.await(late.run()).expired());
    var view = expect(200, applicant.get("/api/v1/cases/" + id)).bodyAsJsonObject();
    assertEquals("draft", view.getString("status"));
    assertEquals(0, view.getJsonArray("signatures").size(), "the applicant signs again after changing");
    assertEquals(1, count(app, "SELECT count(*) FROM notification_outbox WHERE person_id = $1 AND kind = 'cosign_expired'",
      applicant.id));
    assertEquals("refused", Fixtures.completeSignature(app, module, sambo.id,
      new ApplicationSignature(UUID.fromString(id), SignerRole.CO_APPLICANT, Fixtures.hash(app, id))).getString("outcome"), "too late");

    // Signed again; this time the co-applicant declines.
    Fixtures.completeSignature(app, module, applicant.id, Fixtures.applicant(app, id));
    expect(200, sambo.post("/api/v1/applications/" + id + "/cosign/decline", new JsonObject()));
    assertEquals("draft", expect(200, applicant.get("/api/v1/cases/" + id)).bodyAsJsonObject().getString("status"));
    assertEquals(404, sambo.get("/api/v1/cases/" + id).statusCode());
  }

  @Test
  @DisplayName("starting to sign is idempotent: the same key returns the same BankID order; a bad draft starts none")
  void startIsIdempotent() {
    var resident = Residents.login(app, "19810105", "Olle", "Olsson");
    String id = Fixtures.ready(resident, Fixtures.single(), null);
    List<String> texts = new ArrayList<>();
    List<ApplicationSignature> signed = new ArrayList<>();
    SignatureOrders orders = (caller, sameDevice, tenant, signer, subject, text) -> {
      signed.add(subject);
      texts.add(text);
      return Future.succeededFuture(new SignatureOrders.Started(UUID.randomUUID(), "bankid:///?autostarttoken=x",
        Optional.empty(), Optional.empty()));
    };
    BankIdOrders.Caller caller = new BankIdOrders.Caller("127.0.0.1", "http://localhost", "sv", false);
    SigningService signing = new SigningService(app.services().pool(), app.services().clock(), module.drafts(),
      module.notifier(), module.submission(), Duration.ofHours(72), orders);
    Session session = session(resident);
    SignatureStart first = Futures.await(signing.startApplicantSign(caller, true, session, UUID.fromString(id),
      "sign-key-1"));
    SignatureStart second = Futures.await(signing.startApplicantSign(caller, true, session, UUID.fromString(id),
      "sign-key-1"));
    assertEquals(first.orderId(), second.orderId());
    assertEquals(1, texts.size());
    assertEquals(List.of(Fixtures.applicant(app, id)), signed);
    assertEquals(Fixtures.applicant(app, id), ApplicationSignature.of(signed.get(0).subject()).orElseThrow(),
      "what the order stores reads back as the same signature");
    assertTrue(texts.get(0).contains("Månad: ") && texts.get(0).contains("Hushåll: 1 vuxen, 1 barn")
      && texts.get(0).contains("Inkomster: 1 250 kr"), texts.get(0));

    var other = Residents.login(app, "19810106", "Pia", "Palm");
    String incomplete = Fixtures.draft(other);
    var refused = signing.startApplicantSign(caller, true, session(other), UUID.fromString(incomplete), "sign-key-2");
    assertTrue(refused.failed() || awaitFailure(refused));
    assertEquals(1, texts.size(), "no order for an application that does not pass the check");
    assertEquals(0, count(app, "SELECT count(*) FROM idempotency_key WHERE person_id = $1 AND scope LIKE 'sign:%'", other.id),
      "a refused start frees its key");
  }

  private static boolean awaitFailure(Future<?> future) {
    try {
      future.await(10, java.util.concurrent.TimeUnit.SECONDS);
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static Session session(Residents.Resident resident) {
    return new Session(Session.Kind.RESIDENT, "demo", Optional.of(resident.id), Optional.empty(), "x", List.of(),
      resident.csrf, app.clock().instant(), app.clock().instant().plusSeconds(600));
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }
}
