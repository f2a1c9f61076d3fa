package se.socialportal.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import se.socialportal.payment.PaymentSettings;
import se.socialportal.payment.Payments;
import se.socialportal.payment.batch.BatchAssembler;
import se.socialportal.payment.batch.BatchExporter;
import se.socialportal.payment.batch.ExportFaults;
import se.socialportal.payment.batch.OutboxDirectoryDelivery;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.platform.db.DatabaseSettings;
import se.socialportal.platform.db.Migrations;
import se.socialportal.rules.CurrentRuleBook;
import se.socialportal.rules.RuleBook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The payment file benchmark — a benchmark, not a test: run by {@code bench/payments.sh N OUTDIR} (mvn
 * -Pbench-payments), never by mvn verify. On an embedded PostgreSQL 16 configured as in tests it loads N synthetic
 * attested payments (persons, applications, decisions, accounts, payments: set up by SQL, not measured), then times
 * the production code from the cut-off to the bank: the batch assembled, the pain.001.001.03 file written by StAX a
 * page at a time on a worker, synced, validated against the official schema, the bookkeeping record, the delivery
 * into OUTDIR and the commits. It samples the heap throughout (run with -Xmx256m) and, as the denominator, times
 * writing N rows to the same PostgreSQL with single-row INSERTs (32 in flight on a pool of 8, as the robot bench).
 * Prints {@code payments: N in S s, peak heap H MB}, the ratio, and the CPU time the JVM and PostgreSQL used (which,
 * unlike the wall clock, does not grow when other work shares the cores).
 */
public final class PaymentBench {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** Wednesday 15 April 2026, half a minute after the demo calendar's 13:00 cut-off for Thursday. */
  private static final Instant AFTER_CUT_OFF = Instant.parse("2026-04-15T11:00:30Z");

  private final Vertx vertx = Vertx.vertx();
  private final Pool pool;
  private HeapPeak heapPeak;

  private PaymentBench(DatabaseSettings database) {
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(database.connectOptions())
      .using(vertx).build();
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    Path out = Path.of(args.length > 1 ? args[1] : "target/bench-payments").toAbsolutePath();
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
      .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off").start();
    DatabaseSettings database = new DatabaseSettings("localhost", postgres.getPort(), "postgres", "postgres",
      "postgres", "disable");
    Migrations.migrate(database);
    PaymentBench bench = new PaymentBench(database);
    try {
      bench.run(count, out);
    } catch (Exception e) {
      e.printStackTrace();
    } finally {
      bench.vertx.close().await(30, TimeUnit.SECONDS);
      postgres.close();
      System.exit(0);
    }
  }

  private void run(int count, Path out) throws Exception {
    Files.createDirectories(out);
    heapPeak = HeapPeak.start(10);
    System.out.printf(Locale.ROOT, "Payment bench: %,d payments, %d cores, max heap %d MB, file to %s%n", count,
      Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, out);
    load(count);
    Clock clock = Clock.fixed(AFTER_CUT_OFF, STOCKHOLM);
    CurrentRuleBook rules = CurrentRuleBook.of(RuleBook.load(Path.of("robots")));
    Path work = Files.createTempDirectory("payment-bench");
    PaymentSettings settings = new PaymentSettings(false, java.time.Duration.ofSeconds(10), out, work.resolve("inbox"),
      work.resolve("files"), work.resolve("ledger"));
    IsoSchemas schemas = IsoSchemas.load();
    BatchExporter exporter = Payments.exporter(vertx, pool, clock, settings, schemas,
      new OutboxDirectoryDelivery(vertx, out, ExportFaults.NONE), ExportFaults.NONE);
    BatchAssembler assembler = new BatchAssembler(pool, clock, rules);
    String dataDirectory = await(pool.query("SHOW data_directory").execute()).iterator().next().getString(0);
    CpuMeter cpu = new CpuMeter(Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0)
      .strip()));
    System.gc();
    heapPeak.reset();
    CpuMeter.Reading before = cpu.read();

    long start = System.nanoTime();
    List<UUID> batches = await(assembler.assemble());
    double assembled = (System.nanoTime() - start) / 1e9;
    for (UUID batch : batches) {
      await(exporter.export(batch));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuMeter.Reading used = cpu.read().minus(before);
    long peak = heapPeak.bytes() >> 20;
    long sent = await(pool.query("SELECT count(*) FROM payment_state WHERE state = 'sent'").execute()).iterator().next()
      .getLong(0);
    String file = await(pool.query("SELECT file_name FROM payment_batch").execute()).iterator().next().getString(0);
    if (sent != count || batches.size() != 1) {
      throw new IllegalStateException("expected " + count + " payments sent in one file, got " + sent + " in "
        + batches.size());
    }
    double inserts = writeRows(count);
    heapPeak.stop();
    System.out.printf(Locale.ROOT, "payments: %d in %.2f s, peak heap %d MB%n", count, seconds, peak);
    System.out.printf(Locale.ROOT, "of which: batch assembled %.2f s; file written, validated, delivered and "
      + "committed %.2f s%n", assembled, seconds - assembled);
    System.out.printf(Locale.ROOT, "file: %s, %,d bytes, schema-valid; writing the same %d rows to PostgreSQL "
      + "(single-row INSERTs, 32 in flight): %.2f s; payments take %.2f × that%n", out.resolve(file),
      Files.size(out.resolve(file)), count, inserts, seconds / inserts);
    // CPU seconds do not include waiting for a core, so they hold whatever else the machine is doing.
    double cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(Locale.ROOT, "CPU used: JVM %.2f s, PostgreSQL %.2f s; on %.0f otherwise idle cores at best "
      + "%.2f s%n", used.jvmSeconds(), used.postgresSeconds(), cores,
      Math.max(used.jvmSeconds(), (used.jvmSeconds() + used.postgresSeconds()) / cores));
  }

  /** N persons, applications, decisions, accounts and attested payments, made by the database itself. */
  private void load(int count) throws Exception {
    UUID decider = UUID.randomUUID();
    UUID attestant = UUID.randomUUID();
    String id = "md5('%s' || g)::uuid";
    await(pool.query("INSERT INTO tenant (id, name) VALUES ('demo', 'Demo kommun')").execute());
    await(pool.preparedQuery("INSERT INTO staff_member (id, tenant_id, subject, name, roles) VALUES "
      + "($1, 'demo', 'bench.decider', 'Bench Handläggare', '{handlaggare}'), "
      + "($2, 'demo', 'bench.attestant', 'Bench Attestant', '{attestant}')").execute(Tuple.of(decider, attestant)));
    String series = " FROM generate_series(1, " + count + ") AS g";
    await(pool.query("INSERT INTO person (id, personnummer, given_name, surname) SELECT " + id.formatted("p")
      + ", '19' || lpad(g::text, 10, '0'), 'Förnamn' || g, 'Efternamn'" + series).execute());
    await(pool.query("INSERT INTO application (id, tenant_id, month, kind, channel, status, applicant_id, content, "
      + "submitted_at) SELECT " + id.formatted("a") + ", 'demo', '2026-04-01', 'new', 'digital', 'decided', "
      + id.formatted("p") + ", '{}'::jsonb, now()" + series).execute());
    await(pool.preparedQuery("INSERT INTO decision (id, tenant_id, application_id, application_version, decision_set, "
      + "type, outcome, amount, delegation_amount, motivering, decided_by_kind, decided_by, decided_by_name, "
      + "decided_by_title, delegation_version, delegation_row, delegation_source, delegation_level, delegation_valid, "
      + "decided_at) SELECT " + id.formatted("d") + ", 'demo', " + id.formatted("a") + ", 1, " + id.formatted("s")
      + ", 'forsorjningsstod', 'bifall', 5000 + g % 5000, 5000 + g % 5000, 'Bench', 'staff', $1, 'Bench', 'Handläggare', "
      + "'bench', '8.1.1', 'bench', 'handlaggare', true, now()" + series).execute(Tuple.of(decider)));
    await(pool.query("INSERT INTO payout_account_request (id, tenant_id, person_id, kind, clearing, number, bank_name, "
      + "masked, created_at, completed_at) SELECT " + id.formatted("r") + ", 'demo', " + id.formatted("p")
      + ", 'bank', '84244', '9831892246', 'Swedbank', 'Swedbank ****2246', now(), now()" + series).execute());
    await(pool.query("INSERT INTO payout_account (id, tenant_id, person_id, kind, clearing, number, bank_name, masked, "
      + "request_id, order_id, order_ref, signature, ocsp_response, signed_text, registered_at) SELECT "
      + id.formatted("k") + ", 'demo', " + id.formatted("p") + ", 'bank', '84244', '9831892246', 'Swedbank', "
      + "'Swedbank ****2246', " + id.formatted("r") + ", " + id.formatted("o") + ", 'bench', 'bench', 'bench', 'bench', "
      + "now() - interval '90 days'" + series).execute());
    await(pool.preparedQuery("INSERT INTO payment (id, tenant_id, application_id, decision_id, decision_type, payee_id, "
      + "amount, planned_date, execution_date, debtor_account_id, remittance, status, decided_by, attested_by, "
      + "attested_at, account_id, creditor_name, creditor_kind, creditor_clearing, creditor_number, created_at, "
      + "updated_at) SELECT gen_random_uuid(), 'demo', " + id.formatted("a") + ", " + id.formatted("d")
      + ", 'forsorjningsstod', " + id.formatted("p") + ", 5000 + g % 5000, '2026-04-16', '2026-04-16', 'bistand', "
      + "'Försörjningsstöd april 2026', 'attested', $1, $2, '2026-04-15T10:00:00Z', " + id.formatted("k")
      + ", 'Förnamn' || g || ' Efternamn', 'bank', '84244', '9831892246', now(), now()" + series)
      .execute(Tuple.of(decider, attestant)));
    await(pool.query("ANALYZE").execute());
  }

  /** Seconds to write {@code rows} rows with single-row INSERTs, 32 in flight. */
  private double writeRows(int rows) {
    await(pool.query("CREATE TABLE bench_rows (id bigserial PRIMARY KEY, payload jsonb NOT NULL)").execute());
    AtomicLong left = new AtomicLong(rows);
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      loops.add(insertLoop(left));
    }
    await(Future.all(loops));
    return (System.nanoTime() - start) / 1e9;
  }

  private Future<Void> insertLoop(AtomicLong left) {
    if (left.getAndDecrement() <= 0) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("INSERT INTO bench_rows (payload) VALUES ($1)")
      .execute(Tuple.of(new JsonObject().put("amount", "7520.00").put("name", "Förnamn Efternamn")))
      .compose(v -> insertLoop(left));
  }


  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
