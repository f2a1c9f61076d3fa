package se.socialportal.bistand;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import se.socialportal.bistand.signing.ApplicationSignature;
import se.socialportal.bistand.signing.SignedOrder;
import se.socialportal.bistand.signing.SignerRole;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.util.UUID;

/** Application content and steps the integration tests share. */
final class Fixtures {

  private Fixtures() {
  }

  /** A complete, valid application: applicant alone, one child full time, rent, one salary. */
  static JsonObject single() {
    return new JsonObject()
      .put("household", new JsonObject()
        .put("applicant", new JsonObject().put("birthDate", "1985-04-12").put("lunchOutsideHome", false))
        .put("coApplicant", null)
        .put("children", new JsonArray().add(new JsonObject().put("firstName", "Kim").put("birthDate", "2016-09-01")
          .put("livesHere", "full").put("lunchOutsideHome", true)))
        .put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 7800).put("householdElectricity", 350))
      .put("incomes", new JsonArray().add(new JsonObject().put("person", "applicant").put("type", "childAllowance")
        .put("amount", 1250)))
      .put("costs", new JsonObject().put("homeInsurance", 120))
      .put("assets", new JsonArray())
      .put("needs", new JsonArray())
      .put("declaration", true);
  }

  /** The same with a sambo as co-applicant. */
  static JsonObject couple() {
    JsonObject content = single();
    content.getJsonObject("household").put("coApplicant", new JsonObject().put("relation", "sambo")
      .put("birthDate", "1987-02-03"));
    content.getJsonArray("incomes").add(new JsonObject().put("person", "coApplicant").put("type", "unemploymentBenefit")
      .put("amount", 6400));
    return content;
  }

  static Buffer pdf() {
    return Buffer.buffer("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  }

  static Buffer png() {
    return Buffer.buffer(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
  }

  /** Starts a draft for this month (by the server's clock) and returns its id. */
  static String draft(Residents.Resident resident) {
    var created = resident.post("/api/v1/applications",
      new JsonObject().put("month", resident.app.clock().thisMonth().toString()),
      "key-" + UUID.randomUUID());
    if (created.statusCode() != 201) {
      throw new AssertionError(created.statusCode() + " " + created.bodyAsString());
    }
    return created.bodyAsJsonObject().getString("id");
  }

  /** A draft with complete content and every required document uploaded, ready for signing. */
  static String ready(Residents.Resident resident, JsonObject content, Residents.Resident coApplicant) {
    String id = draft(resident);
    if (coApplicant != null) {
      expect(200, resident.put("/api/v1/applications/" + id + "/co-applicant",
        new JsonObject().put("personnummer", coApplicant.personnummer.value())));
    }
    var saved = expect(200, resident.put("/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", content).put("step", "review"))).bodyAsJsonObject();
    for (Object missing : saved.getJsonArray("missingAttachments")) {
      expect(201, resident.upload("/api/v1/applications/" + id + "/attachments", "application", (String) missing,
        missing + ".pdf", pdf()));
    }
    return id;
  }

  /** What the order service does when BankID reports a completed signature: run the completion in a transaction. */
  static JsonObject completeSignature(TestApp app, BistandModule module, UUID signer, ApplicationSignature subject) {
    UUID order = UUID.randomUUID();
    SignedOrder signed = new SignedOrder(order, "demo", subject, signer, "ref-" + order, "PHNpZ25hdHVyZT4=",
      "b2NzcA==", "userVisibleData", app.clock().instant());
    return Futures.await(app.services().pool().withTransaction(tx -> module.signing().complete(tx, signed)))
      .toJson();
  }

  /** The applicant's signature on the application as it is now. */
  static ApplicationSignature applicant(TestApp app, String id) {
    return new ApplicationSignature(UUID.fromString(id), SignerRole.APPLICANT, hash(app, id));
  }

  static String hash(TestApp app, String id) {
    return Futures.await(app.services().pool().preparedQuery("SELECT encode(sha256(convert_to(content::text, "
      + "'UTF8')), 'hex') FROM application WHERE id = $1").execute(Tuple.of(UUID.fromString(id))))
      .iterator().next().getString(0);
  }

  static long count(TestApp app, String sql, Object... params) {
    return Futures.await(app.services().pool().preparedQuery(sql).execute(Tuple.wrap(params)))
      .iterator().next().getLong(0);
  }

  static <T extends io.vertx.ext.web.client.HttpResponse<Buffer>> T expect(int status, T response) {
    if (response.statusCode() != status) {
      throw new AssertionError("expected " + status + ", got " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response;
  }
}
