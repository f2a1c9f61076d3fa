package se.socialportal.bistand;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.count;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("Attachments: PDF, JPEG or PNG by content, at most 10 MB and 20, hashed, only for the household")
class AttachmentTest {

  private static TestApp app;
  private static Path attachmentDir;

  @BeforeAll
  static void start() throws Exception {
    attachmentDir = Files.createTempDirectory("attachments");
    app = TestApp.start("bistandattachments", new JsonObject().put("ATTACHMENT_DIR", attachmentDir.toString()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String url(String id) {
    return "/api/v1/applications/" + id + "/attachments";
  }

  @Test
  @DisplayName("bidi overrides, isolates, zero-width and control characters are taken out of the stored name")
  void namesWithoutFormatCharacters() {
    var resident = Residents.login(app, "19820102", "Sam", "Sund");
    String id = Fixtures.draft(resident);
    // Shown by a browser as "räkningexe.pdf": a right-to-left override before "fdp.exe".
    String disguised = "r\u00e4kning\u202efdp.exe";
    var stored = expect(201, resident.upload(url(id), "application", "other", disguised, Fixtures.pdf()))
      .bodyAsJsonObject();
    assertEquals("r\u00e4kningfdp.exe.pdf", stored.getString("fileName"), "what it is, readable as it is");
    String hidden = "\u2066a\u2069\u200bb\u200dc\u200e\u200f\ufeffd\u0085\u2028e.pdf";
    var other = expect(201, resident.upload(url(id), "application", "other", hidden, Fixtures.pdf()))
      .bodyAsJsonObject();
    assertEquals("abcde.pdf", other.getString("fileName"));
    var download = expect(200, resident.get(url(id) + "/" + stored.getString("id")));
    String disposition = download.getHeader("Content-Disposition");
    assertFalse(disposition.toUpperCase().contains("%E2%80%AE"), disposition);
    assertTrue(disposition.endsWith(".exe.pdf"), disposition);
  }

  @Test
  @DisplayName("a PDF is stored under a random name with its SHA-256 and handed back only as a download")
  void storesAndServes() throws Exception {
    var resident = Residents.login(app, "19820101", "Rut", "Rask");
    String id = Fixtures.draft(resident);
    Buffer pdf = Fixtures.pdf();
    var stored = expect(201, resident.upload(url(id), "application", "bankStatements.applicant",
      "kontoutdrag<script>.pdf", pdf)).bodyAsJsonObject();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.getBytes()));
    assertEquals(sha, stored.getString("sha256"));
    assertEquals("application/pdf", stored.getString("mediaType"));
    assertEquals("kontoutdragscript.pdf", stored.getString("fileName"));
    try (var files = Files.list(attachmentDir)) {
      assertTrue(files.anyMatch(file -> file.getFileName().toString().matches("[A-Za-z0-9_-]{43}")));
    }
    var download = expect(200, resident.get(url(id) + "/" + stored.getString("id")));
    assertEquals(pdf, download.body());
    assertTrue(download.getHeader("Content-Disposition").startsWith("attachment;"), download.getHeader("Content-Disposition"));
    assertEquals("nosniff", download.getHeader("X-Content-Type-Options"));
    assertTrue(download.getHeader("Content-Security-Policy").contains("sandbox"));
    assertEquals(1, count(app, "SELECT count(*) FROM audit_event WHERE action = 'attachment.read' AND case_id = $1",
      UUID.fromString(id)), "every download is logged");
    // Not from webroot, whatever the name.
    assertEquals(404, resident.get("/attachments/" + stored.getString("id")).statusCode());
  }

  @Test
  @DisplayName("a file that is not PDF, JPEG or PNG is refused whatever its name says; so is an empty file")
  void typeByContent() {
    var resident = Residents.login(app, "19820102", "Sam", "Sten");
    String id = Fixtures.draft(resident);
    var html = resident.upload(url(id), "application", "other", "faktura.pdf",
      Buffer.buffer("<html><script>alert(1)</script></html>"));
    assertEquals(400, html.statusCode());
    assertEquals("attachment_type", html.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
    var empty = resident.upload(url(id), "application", "other", "tom.png", Buffer.buffer());
    assertEquals("attachment_empty", empty.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("error"));
    expect(201, resident.upload(url(id), "application", "other", "bild.txt", Fixtures.png()));
    assertEquals(1, count(app, "SELECT count(*) FROM application_attachment WHERE application_id = $1",
      UUID.fromString(id)));
    try (var incoming = Files.list(attachmentDir.resolve("incoming"))) {
      assertEquals(0, incoming.count(), "refused uploads leave nothing behind");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("a file over 10 MB is refused with a clear message")
  void tooLarge() {
    var resident = Residents.login(app, "19820103", "Tor", "Tall");
    String id = Fixtures.draft(resident);
    Buffer big = Buffer.buffer(Fixtures.pdf().getBytes()).appendBuffer(Buffer.buffer(new byte[10 * 1024 * 1024]));
    var refused = resident.upload(url(id), "application", "other", "stor.pdf", big);
    assertEquals(400, refused.statusCode());
    JsonObject field = refused.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0);
    assertEquals("attachment_too_large", field.getString("error"));
    assertEquals("Filen är för stor. Den får vara högst 10 MB.", field.getString("message"));
    Buffer exactly = Buffer.buffer(Fixtures.pdf().getBytes());
    exactly.appendBuffer(Buffer.buffer(new byte[10 * 1024 * 1024 - exactly.length()]));
    expect(201, resident.upload(url(id), "application", "other", "precis.pdf", exactly));
  }

  @Test
  @DisplayName("at most 20 attachments per application")
  void atMostTwenty() {
    var resident = Residents.login(app, "19820104", "Ulf", "Udd");
    String id = Fixtures.draft(resident);
    for (int i = 0; i < 20; i++) {
      expect(201, resident.upload(url(id), "application", "other", "sida" + i + ".png", Fixtures.png()));
    }
    var refused = resident.upload(url(id), "application", "other", "sida21.png", Fixtures.png());
    assertEquals(400, refused.statusCode());
    assertEquals("attachment_too_many", refused.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0)
      .getString("error"));
    // Removing one makes room again.
    String first = expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject()
      .getJsonArray("attachments").getJsonObject(0).getString("id");
    assertEquals(204, resident.delete(url(id) + "/" + first).statusCode());
    expect(201, resident.upload(url(id), "application", "other", "sida21.png", Fixtures.png()));
  }

  @Test
  @DisplayName("another resident can neither upload to, list, download nor remove someone else's attachments")
  void onlyTheHousehold() {
    var owner = Residents.login(app, "19820105", "Vera", "Vik");
    var other = Residents.login(app, "19820106", "Wilma", "Wall");
    String id = Fixtures.draft(owner);
    String attachment = expect(201, owner.upload(url(id), "application", "other", "a.pdf", Fixtures.pdf()))
      .bodyAsJsonObject().getString("id");
    assertEquals(404, other.get(url(id) + "/" + attachment).statusCode());
    assertEquals(404, other.delete(url(id) + "/" + attachment).statusCode());
    assertEquals(404, other.upload(url(id), "application", "other", "b.pdf", Fixtures.pdf()).statusCode());
    assertEquals(404, other.get("/api/v1/applications/" + id).statusCode());
    assertFalse(other.get(url(id) + "/" + attachment).bodyAsString().contains("PDF"));
  }
}
