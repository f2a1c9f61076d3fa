package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.bistand.attachment.AttachmentDisk;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.testing.TestApp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.socialportal.bistand.Fixtures.count;
import static se.socialportal.bistand.Fixtures.expect;

@DisplayName("Attachments on a full disk: a clear 503 in the resident's language, nothing half-stored, draft untouched")
class AttachmentDiskFullTest {

  private static TestApp app;
  private static Path attachmentDir;
  private static AttachmentStore store;

  @BeforeAll
  static void start() throws Exception {
    attachmentDir = Files.createTempDirectory("attachments-full");
    app = TestApp.start("bistanddiskfull", new JsonObject().put("ATTACHMENT_DIR", attachmentDir.toString()));
    store = app.services().bistand().store();
  }

  @AfterEach
  void realDisk() {
    store.useDisk(AttachmentDisk.local(app.vertx()));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("the disk fills up halfway through the file: 503 attachment_not_saved, no row, no file, draft as it was")
  void fullHalfwayThrough() throws Exception {
    var resident = Residents.login(app, "19830101", "Fia", "Full");
    String id = draft(resident);
    JsonObject before = expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject();
    List<Path> filesBefore = files();
    // The kernel's answer when a write finds no room: the first 64 KiB land on disk, the next write fails.
    store.useDisk(new FillsUp(AttachmentDisk.local(app.vertx()), 64 * 1024));
    Buffer large = Buffer.buffer(Fixtures.pdf().getBytes()).appendBuffer(Buffer.buffer(new byte[2 * 1024 * 1024]));

    var refused = resident.upload(url(id), "application", "bankStatements.applicant", "kontoutdrag.pdf", large);

    assertNotSaved(refused.statusCode(), refused.bodyAsJsonObject());
    assertNothingStored(id, filesBefore);
    assertEquals(before, expect(200, resident.get("/api/v1/applications/" + id)).bodyAsJsonObject(),
      "the draft is as the resident left it");
    // Room again: the same file goes in.
    store.useDisk(AttachmentDisk.local(app.vertx()));
    expect(201, resident.upload(url(id), "application", "bankStatements.applicant", "kontoutdrag.pdf", large));
  }

  @Test
  @DisplayName("too little room left to start: refused before a byte is written, in English for an English page")
  void tooLittleRoom() throws Exception {
    var resident = Residents.login(app, "19830102", "Gun", "Glad");
    String id = draft(resident);
    List<Path> filesBefore = files();
    AttachmentDisk local = AttachmentDisk.local(app.vertx());
    store.useDisk(new AttachmentDisk() {
      @Override
      public Future<Long> usableSpace(Path directory) {
        return Future.succeededFuture(AttachmentStore.MIN_FREE_BYTES - 1);
      }

      @Override
      public Future<WriteStream<Buffer>> create(Path file) {
        return local.create(file);
      }
    });
    var refused = resident.request(io.vertx.core.http.HttpMethod.POST, url(id)).putHeader("Accept-Language", "en")
      .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create().attribute("purpose", "application")
        .attribute("category", "other").binaryFileUpload("file", "a.pdf", Fixtures.pdf(), "application/pdf"))
      .await(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(503, refused.statusCode());
    assertEquals("The file could not be saved just now. Please try again later.",
      refused.bodyAsJsonObject().getString("message"));
    assertNothingStored(id, filesBefore);
  }

  private static void assertNotSaved(int status, JsonObject body) {
    assertEquals(503, status, body.encode());
    assertEquals("attachment_not_saved", body.getString("error"), body.encode());
    assertEquals("Filen kunde inte sparas just nu. Försök igen senare.", body.getString("message"));
    assertTrue(body.getString("requestId") != null && !body.getString("requestId").isBlank());
    JsonObject field = body.getJsonArray("fields").getJsonObject(0);
    assertEquals("file", field.getString("field"));
    assertEquals("attachment_not_saved", field.getString("error"));
    assertTrue(field.getString("message").startsWith("Filen kunde inte sparas just nu."), field.getString("message"));
  }

  private static void assertNothingStored(String id, List<Path> filesBefore) throws IOException {
    assertEquals(0, count(app, "SELECT count(*) FROM application_attachment WHERE application_id = $1",
      UUID.fromString(id)), "no attachment row without its file");
    assertEquals(filesBefore, files(), "no partial file left on disk");
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(attachmentDir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String draft(Residents.Resident resident) {
    String id = Fixtures.draft(resident);
    expect(200, resident.put("/api/v1/applications/" + id + "/content",
      new JsonObject().put("content", Fixtures.single()).put("step", "review")));
    return id;
  }

  private static String url(String id) {
    return "/api/v1/applications/" + id + "/attachments";
  }

  /** The local disk, except that a file's writes fail with ENOSPC once {@code room} bytes of it are written. */
  private record FillsUp(AttachmentDisk disk, long room) implements AttachmentDisk {

    @Override
    public Future<Long> usableSpace(Path directory) {
      return disk.usableSpace(directory).map(space -> Math.max(space, AttachmentStore.MIN_FREE_BYTES));
    }

    @Override
    public Future<WriteStream<Buffer>> create(Path file) {
      return disk.create(file).map(real -> new Full(real, room));
    }
  }

  private static final class Full implements WriteStream<Buffer> {
    private final WriteStream<Buffer> real;
    private long room;

    Full(WriteStream<Buffer> real, long room) {
      this.real = real;
      this.room = room;
    }

    @Override
    public Future<Void> write(Buffer data) {
      if (data.length() > room) {
        return Future.failedFuture(new IOException("No space left on device"));
      }
      room -= data.length();
      return real.write(data);
    }

    @Override
    public Future<Void> end() {
      return real.end();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      real.exceptionHandler(handler);
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      real.setWriteQueueMaxSize(maxSize);
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return real.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      real.drainHandler(handler);
      return this;
    }
  }
}
