package se.socialportal.payment;

import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.socialportal.payment.batch.BatchExporter;
import se.socialportal.payment.batch.DurableFiles;
import se.socialportal.payment.batch.ExportFaults;
import se.socialportal.payment.batch.OutboxDirectoryDelivery;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.testing.Browser;
import se.socialportal.testing.TestApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once across crashes: the process stops at each point of a batch's way to the bank (before the file, after
 * the file but before the commit, in the middle of the delivery, after the delivery but before the commit), a new
 * process — new objects, only the database and the disk survive — takes over when the lease runs out, and in the end
 * the outbox holds one file for the batch, every payment in it exactly once, byte for byte the file written first.
 */
@DisplayName("Exactly once: a crash at any point neither loses a payment nor sends one twice")
class ExactlyOnceTest {

  private static final Pattern END_TO_END = Pattern.compile("<EndToEndId>([0-9a-f]{32})</EndToEndId>");
  private static TestApp app;
  private static PaymentFixtures fixtures;

  /** What a crash is here: the process stops at the point, nothing after it runs. */
  static final class Crash extends RuntimeException {
    Crash(ExportFaults.Point point) {
      super("crashed at " + point, null, false, false);
    }
  }

  @BeforeAll
  static void start() {
    app = PaymentFixtures.start("exactlyonce");
    fixtures = new PaymentFixtures(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static BatchExporter exporter(ExportFaults faults) {
    PaymentSettings settings = fixtures.payments().settings();
    return Payments.exporter(app.vertx(), app.services().pool(), app.clock(), settings, fixtures.payments().schemas(),
      new OutboxDirectoryDelivery(app.vertx(), settings.outbox(), faults), faults);
  }

  @ParameterizedTest(name = "crash {0}")
  @EnumSource(ExportFaults.Point.class)
  @DisplayName("each crash point: one file in the outbox, every payment once, the same bytes")
  void crashAndResume(ExportFaults.Point point) throws Exception {
    Browser anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    Browser alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
    List<UUID> payments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      PaymentFixtures.Decided decided = fixtures.decided(anna, "Krasch" + i, point.name().toLowerCase(), 500 + i);
      fixtures.account(decided.personId());
      fixtures.await(fixtures.payments().planner().plan());
      fixtures.payments(decided.applicationId()).forEach(row -> payments.add(row.getUUID("id")));
    }
    assertEquals(200, fixtures.attest(alva, payments).statusCode());
    fixtures.passNextCutOff();
    UUID batchId = fixtures.await(fixtures.payments().assembler().assemble()).get(0);
    Row batch = fixtures.one("SELECT * FROM payment_batch WHERE id = $1", batchId);
    Path outbox = fixtures.payments().settings().outbox();
    Path delivered = outbox.resolve(batch.getString("file_name"));
    Path written = fixtures.payments().settings().workDir().resolve(batch.getString("file_name"));

    BatchExporter crashing = exporter(at -> {
      if (at == point) {
        throw new Crash(at);
      }
    });
    Exception crashed = assertThrows(Exception.class, () -> fixtures.await(crashing.export(batchId)));
    assertTrue(String.valueOf(crashed.getCause()).contains("crashed at " + point), String.valueOf(crashed));
    String state = fixtures.one("SELECT state FROM payment_batch WHERE id = $1", batchId).getString("state");
    String firstSha = Files.exists(written) ? DurableFiles.sha256(written) : null;
    switch (point) {
      case BEFORE_FILE -> {
        assertEquals("assembled", state);
        assertFalse(Files.exists(written));
        assertFalse(Files.exists(delivered));
      }
      case AFTER_FILE_BEFORE_COMMIT -> {
        assertEquals("assembled", state, "the file is there, the database does not know");
        assertTrue(Files.exists(written));
        assertFalse(Files.exists(delivered));
      }
      case DURING_DELIVERY -> {
        assertEquals("written", state);
        assertFalse(Files.exists(delivered), "only a temporary file, never the bank's name");
        assertTrue(Files.exists(outbox.resolve("." + batch.getString("file_name") + ".part")));
      }
      case AFTER_DELIVERY_BEFORE_COMMIT -> {
        assertEquals("written", state, "delivered, but the database does not know");
        assertTrue(Files.exists(delivered));
      }
    }
    assertTrue(fixtures.count("SELECT count(*) FROM payment_state WHERE batch_id = $1 AND state = 'sent'", batchId) == 0);

    // The same server cannot take the batch over while the crashed one's lease runs; a new process can afterwards.
    BatchExporter restarted = exporter(ExportFaults.NONE);
    assertEquals(List.of(), fixtures.await(restarted.resume()).stream().filter(batchId::equals).toList());
    app.clock().advance(BatchExporter.LEASE.plus(Duration.ofSeconds(1)));
    assertTrue(fixtures.await(restarted.resume()).contains(batchId));

    assertEquals("delivered", fixtures.one("SELECT state FROM payment_batch WHERE id = $1", batchId).getString("state"));
    List<Path> files = PaymentFixtures.files(outbox).stream()
      .filter(file -> file.getFileName().toString().contains(batchId.toString())).toList();
    assertEquals(List.of(delivered), files, "one file for the batch, no temporary leftovers");
    fixtures.payments().schemas().validate(IsoSchemas.Message.PAIN_001, delivered);
    if (firstSha != null) {
      assertEquals(firstSha, DurableFiles.sha256(delivered), "the file written before the crash is the file sent");
    }
    assertEquals(batch.getString("msg_id"), fixtures.one("SELECT msg_id FROM payment_batch WHERE id = $1", batchId)
      .getString("msg_id"));
    Map<String, Integer> everywhere = endToEndIds(PaymentFixtures.files(outbox));
    for (UUID payment : payments) {
      assertEquals(1, everywhere.getOrDefault(BankFiles.endToEnd(payment), 0), "payment " + payment + " in one file once");
      assertEquals("sent", fixtures.state(payment));
    }
  }

  @Test
  @DisplayName("a file the schema refuses is never delivered: the batch is invalid, no file anywhere, the administrator told")
  void schemaRefusal() {
    Browser anna = fixtures.login("anna.handlaggare", "Anna Handläggarsson", "handlaggare");
    Browser alva = fixtures.login("alva.attestant", "Alva Attestantsson", "attestant");
    PaymentFixtures.Decided decided = fixtures.decided(anna, "Ogiltig", "Filsson");
    fixtures.account(decided.personId());
    fixtures.await(fixtures.payments().planner().plan());
    UUID payment = fixtures.payments(decided.applicationId()).get(0).getUUID("id");
    assertEquals(200, fixtures.attest(alva, List.of(payment)).statusCode());
    fixtures.passNextCutOff();
    UUID batchId = fixtures.await(fixtures.payments().assembler().assemble()).get(0);
    // A payer whose BIC the schema does not take: the file breaks pain.001.001.03 in its first payment block.
    fixtures.one("UPDATE payment_batch SET debtor = jsonb_set(debtor, '{bic}', '\"NOT A BIC\"') WHERE id = $1 "
      + "RETURNING id", batchId);

    Exception refused = assertThrows(Exception.class, () -> fixtures.await(exporter(ExportFaults.NONE).export(batchId)));
    assertTrue(String.valueOf(refused.getCause()).contains("pain.001.001.03"), String.valueOf(refused));
    Row batch = fixtures.one("SELECT state, file_name FROM payment_batch WHERE id = $1", batchId);
    assertEquals("invalid", batch.getString("state"));
    String name = batch.getString("file_name");
    for (Path folder : List.of(fixtures.payments().settings().outbox(), fixtures.payments().settings().workDir())) {
      assertEquals(List.of(), PaymentFixtures.files(folder).stream()
        .filter(file -> file.getFileName().toString().contains(batchId.toString())).toList(), name + " in " + folder);
    }
    assertEquals("in_batch", fixtures.payment(payment).getString("status"), "not sent, not lost: in its batch");
    assertEquals(1, fixtures.count("SELECT count(*) FROM payment_alert WHERE batch_id = $1 "
      + "AND kind = 'payment_file_invalid'", batchId));
  }

  private static Map<String, Integer> endToEndIds(List<Path> files) throws Exception {
    Map<String, Integer> seen = new HashMap<>();
    for (Path file : files) {
      Matcher matcher = END_TO_END.matcher(Files.readString(file));
      while (matcher.find()) {
        seen.merge(matcher.group(1), 1, Integer::sum);
      }
    }
    return seen;
  }
}
