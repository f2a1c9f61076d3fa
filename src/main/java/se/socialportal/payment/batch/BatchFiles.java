package se.socialportal.payment.batch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import se.socialportal.payment.iso.IsoSchemas;
import se.socialportal.payment.iso.Pain001Writer;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a batch's pain.001 file: read from the database a page at a time, written by StAX on a worker (the event loop
 * never waits for the disk) and checked against the official schema while it is written, synced, and only then
 * renamed to its name. The bytes depend on the batch's rows alone, in a fixed order, so writing the same batch again gives the same file.
 */
public final class BatchFiles {

  private static final int PAGE = 2000;
  private static final String GROUPS = "SELECT execution_date, count(*) AS n, sum(amount) AS total FROM payment "
    + "WHERE batch_id = $1 GROUP BY execution_date ORDER BY execution_date";
  private static final String PAGE_ROWS = "SELECT id, amount, creditor_name, creditor_kind, creditor_clearing, "
    + "creditor_number, remittance FROM payment WHERE batch_id = $1 AND execution_date = $2 AND id > $3 "
    + "ORDER BY id LIMIT " + PAGE;
  // PostgreSQL orders uuids by their bytes, unsigned: the all-zero uuid comes before every other.
  private static final UUID FIRST = new UUID(0, 0);

  /** A file on disk under its name, with its SHA-256. */
  public record Written(Path file, String sha256) {
  }

  /** The file does not follow the pain.001.001.03 schema: it is never delivered. */
  public static final class SchemaRefusedException extends Exception {
    SchemaRefusedException(String message) {
      super(message, null, false, false);
    }
  }

  private final Vertx vertx;
  private final Pool pool;
  private final IsoSchemas schemas;
  private final Path folder;

  public BatchFiles(Vertx vertx, Pool pool, IsoSchemas schemas, Path folder) {
    this.vertx = vertx;
    this.pool = pool;
    this.schemas = schemas;
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** Whether the batch's written file is on disk. */
  public Future<Boolean> present(Batch batch) {
    return vertx.fileSystem().exists(pathOf(batch).toString());
  }

  public Path pathOf(Batch batch) {
    return folder.resolve(batch.fileName());
  }

  /** Writes (or writes again) the batch's file; fails with {@link SchemaRefusedException} when it is not valid. */
  public Future<Written> write(Batch batch) {
    Path target = pathOf(batch);
    Path temporary = folder.resolve("." + batch.fileName() + ".tmp");
    return pool.preparedQuery(GROUPS).execute(Tuple.of(batch.id())).compose(groups -> {
      List<Pain001Writer.PaymentGroup> blocks = new ArrayList<>();
      for (Row row : groups) {
        LocalDate date = row.getLocalDate("execution_date");
        blocks.add(new Pain001Writer.PaymentGroup(Batch.paymentInformationId(batch.messageId(), date), date,
          row.getLong("n"), row.getBigDecimal("total")));
      }
      return vertx.executeBlocking(() -> Output.open(temporary, batch)).compose(output -> {
        // The schema check reads the bytes as they are written, on a worker of its own (unordered).
        Future<Void> checked = vertx.executeBlocking(() -> check(batch, output), false);
        Future<Void> chain = Future.succeededFuture();
        for (Pain001Writer.PaymentGroup block : blocks) {
          chain = chain.compose(v -> vertx.executeBlocking(() -> {
            output.writer.startGroup(block, batch.payer());
            return null;
          })).compose(v -> pages(batch, block.executionDate(), FIRST, output));
        }
        return chain.compose(v -> vertx.executeBlocking(() -> output.finish()))
          .compose(sha256 -> checked.map(sha256))
          .recover(failure -> vertx.executeBlocking(() -> {
            output.abandon();
            return null;
          }).transform(ignored -> Future.failedFuture(failure)));
      });
    }).compose(sha256 -> vertx.executeBlocking(() -> {
      DurableFiles.publish(temporary, target);
      return new Written(target, sha256);
    }));
  }

  private Void check(Batch batch, Output output) throws Exception {
    try (InputStream in = output.check.input()) {
      schemas.validate(IsoSchemas.Message.PAIN_001, in, batch.fileName());
    } catch (IsoSchemas.InvalidMessageException e) {
      throw new SchemaRefusedException("batch " + batch.id() + " does not follow pain.001.001.03: " + e.getMessage());
    }
    return null;
  }

  private Future<Void> pages(Batch batch, LocalDate date, UUID after, Output output) {
    return pool.preparedQuery(PAGE_ROWS).execute(Tuple.of(batch.id(), date, after)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      List<Pain001Writer.Transfer> transfers = new ArrayList<>(rows.size());
      UUID last = after;
      for (Row row : rows) {
        last = row.getUUID("id");
        transfers.add(new Pain001Writer.Transfer(last, row.getBigDecimal("amount"), row.getString("creditor_name"),
          Pain001Writer.CreditorKind.valueOf(row.getString("creditor_kind").toUpperCase(java.util.Locale.ROOT)),
          Optional.ofNullable(row.getString("creditor_clearing")), row.getString("creditor_number"),
          row.getString("remittance")));
      }
      UUID next = last;
      return vertx.executeBlocking(() -> {
        for (Pain001Writer.Transfer transfer : transfers) {
          output.writer.transfer(transfer);
        }
        return null;
      }).compose(v -> rows.size() < PAGE ? Future.succeededFuture() : pages(batch, date, next, output));
    });
  }

  /** The open file: a digest on the way to a buffered stream on a file descriptor we can sync, and to the check. */
  private static final class Output {
    final FileOutputStream file;
    final MessageDigest digest;
    final SchemaCheckStream check = new SchemaCheckStream();
    final DigestOutputStream stream;
    final Pain001Writer writer;
    final Path path;

    private Output(Path path, FileOutputStream file) {
      this.path = path;
      this.file = file;
      this.digest = DurableFiles.sha256();
      OutputStream disk = new BufferedOutputStream(file, 1 << 20);
      this.stream = new DigestOutputStream(new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          disk.write(b);
          check.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          disk.write(bytes, offset, length);
          check.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
          disk.flush();
        }
      }, digest);
      this.writer = new Pain001Writer(stream);
    }

    static Output open(Path path, Batch batch) throws Exception {
      Files.createDirectories(path.getParent());
      Output output = new Output(path, new FileOutputStream(path.toFile()));
      output.writer.start(new Pain001Writer.Header(batch.messageId(), batch.creationTime(),
        batch.numberOfTransactions(), batch.controlSum(), batch.payer()));
      return output;
    }

    String finish() throws Exception {
      writer.finish();
      writer.close();
      stream.flush();
      file.getChannel().force(true);
      file.close();
      check.close();
      return HexFormat.of().formatHex(digest.digest());
    }

    void abandon() {
      check.abandon();
      try {
        file.close();
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // A half-written temporary file is overwritten by the next attempt anyway.
      }
    }
  }
}
