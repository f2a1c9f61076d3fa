package se.socialportal.overklagande;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import se.socialportal.testing.Browser;
import se.socialportal.testing.Futures;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A decided case for a test identity of the BankID simulator, decided through casework's API (so the decision and its
 * letter are exactly what a resident gets), and the resident's and staff's HTTP calls around an appeal.
 */
final class AppealHarness {

  /** The simulator's test identities (fictitious personnummer). */
  static final java.util.Map<String, String> PERSONNUMMER = java.util.Map.of("tolvan", "191212121212", "testa",
    "198001019804", "demo", "199207049843", "ylva", "200502289861", "signe", "198503159827");

  private final TestApp app;

  AppealHarness(TestApp app) {
    this.app = app;
  }

  /** A logged-in resident: the browser and the CSRF token its PUT, DELETE and uploads need. */
  record Resident(Browser browser, String csrf, UUID personId, String identity, String baseUrl) {

    HttpResponse<Buffer> put(String path, JsonObject body) {
      return send(request(HttpMethod.PUT, path).putHeader("Content-Type", "application/json"), body.toBuffer());
    }

    HttpResponse<Buffer> upload(String path, String fileName, Buffer content) {
      MultipartForm form = MultipartForm.create().binaryFileUpload("file", fileName, content, "application/octet-stream");
      try {
        return request(HttpMethod.POST, path).sendMultipartForm(form).await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private HttpRequest<Buffer> request(HttpMethod method, String path) {
      return browser.client().requestAbs(method, baseUrl + path).followRedirects(false).putHeader("X-CSRF-Token", csrf);
    }

    private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, Buffer body) {
      try {
        return request.sendBuffer(body).await(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  Resident login(String identity) {
    Browser browser = new Browser(app);
    JsonObject session = ResidentLogins.login(browser, identity);
    UUID person = one("SELECT id FROM person WHERE personnummer = $1", Tuple.of(PERSONNUMMER.get(identity))).getUUID(0);
    return new Resident(browser, session.getString("csrfToken"), person, identity, app.baseUrl());
  }

  static StaffLogins.Staff anna(TestApp app) {
    return StaffLogins.login(app, "anna.handlaggare", "Anna Handläggarsson", "demo", "handlaggare");
  }

  /** The case (application id) and its decision, decided by Anna now: försörjningsstöd, bifall 5 220 kr. */
  record Decided(UUID applicationId, UUID decisionId, UUID letterId) {
  }

  Decided decidedCase(UUID person, String month) {
    return decidedCase(person, month, new JsonObject().put("declaration", true)
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6500)), false);
  }

  /** @param assigned a protected household's case: a gruppledare first gives Anna access, as only she may see it */
  Decided decidedCase(UUID person, String month, JsonObject content, boolean assigned) {
    OffsetDateTime now = OffsetDateTime.ofInstant(app.clock().instant(), ZoneOffset.UTC);
    UUID application = one("INSERT INTO application (tenant_id, month, kind, channel, status, applicant_id, content, "
      + "submitted_at) VALUES ('demo', $1, 'reapplication', 'digital', 'submitted', $2, $3, $4) RETURNING id",
      Tuple.of(java.time.LocalDate.parse(month + "-01"), person, content, now)).getUUID(0);
    StaffLogins.Staff anna = anna(app);
    if (assigned) {
      HttpResponse<Buffer> given = StaffLogins.login(app, "greta.gruppledare", "Greta Gruppledarsson", "demo",
        "gruppledare").browser().post("/api/v1/casework/cases/" + application + "/assign",
        new JsonObject().put("staffId", anna.staffId().toString()));
      assertEquals(200, given.statusCode(), given.bodyAsString());
    }
    UUID proposal = one("INSERT INTO beslutsforslag (tenant_id, application_id, application_version, outcome, amount, "
      + "calculation, rule_versions, motivering) VALUES ('demo', $1, 1, 'bifall', 5220, $2, '{}', $3) RETURNING id",
      Tuple.of(application, new JsonObject().put("lines", new JsonArray()
        .add(line("riksnorm", "single", "Personliga kostnader", 3940))
        .add(line("riksnorm", "common", "Hushållsgemensamma kostnader", 1280))),
        "Du har rätt till försörjningsstöd enligt riksnormen.")).getUUID(0);
    HttpResponse<Buffer> approved = anna.browser().post("/api/v1/casework/cases/" + application + "/approve",
      new JsonObject().put("proposalId", proposal.toString()));
    assertEquals(200, approved.statusCode(), approved.bodyAsString());
    JsonObject result = approved.bodyAsJsonObject();
    return new Decided(application, UUID.fromString(result.getJsonArray("decisions").getJsonObject(0).getString("id")),
      UUID.fromString(result.getString("letterId")));
  }

  /** Writes, attaches and signs an appeal through the API and the BankID simulator; answers the appeal's id. */
  UUID appealAndSign(Resident resident, UUID decisionId, String change, String reasons, String attachedText) {
    HttpResponse<Buffer> started = resident.browser().post("/api/v1/overklaganden",
      new JsonObject().put("decisionId", decisionId.toString()));
    assertEquals(201, started.statusCode(), started.bodyAsString());
    String id = started.bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> saved = resident.put("/api/v1/overklaganden/" + id, new JsonObject()
      .put("changeRequested", change).put("reasons", reasons));
    assertEquals(200, saved.statusCode(), saved.bodyAsString());
    if (attachedText != null) {
      HttpResponse<Buffer> uploaded = resident.upload("/api/v1/overklaganden/" + id + "/attachments", "intyg.pdf",
        Buffer.buffer(pdfWith(attachedText)));
      assertEquals(201, uploaded.statusCode(), uploaded.bodyAsString());
    }
    HttpResponse<Buffer> order = resident.browser().post("/api/v1/overklaganden/" + id + "/sign?device=same",
      new JsonObject());
    assertEquals(201, order.statusCode(), order.bodyAsString());
    String orderRef = ResidentLogins.open(resident.browser(), order.bodyAsJsonObject());
    ResidentLogins.approve(resident.browser(), orderRef, resident.identity());
    JsonObject collected = resident.browser().post(ResidentLogins.collectPath(order.bodyAsJsonObject()),
      new JsonObject()).bodyAsJsonObject();
    assertEquals("complete", collected.getString("status"), collected.encode());
    return UUID.fromString(id);
  }

  static byte[] pdfWith(String text) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject line(String section, String subject, String label, int amount) {
    return new JsonObject().put("section", section).put("subject", subject).put("label", label).put("amount", amount);
  }

  Row one(String sql, Tuple tuple) {
    return Futures.await(app.services().pool().preparedQuery(sql).execute(tuple)).iterator().next();
  }

  long count(String sql, Object... args) {
    return one(sql, Tuple.from(args)).getLong(0);
  }
}
