package se.socialportal.payment.batch;

/**
 * Where a payment file's way to the bank can be cut short — the points the exactly-once design must survive. In
 * production nothing happens at them; tests make the process "crash" at each one and check that the next run neither
 * loses a payment nor sends one twice.
 */
public interface ExportFaults {

  /** The places a crash is survived. */
  enum Point {
    /** The batch is assembled and committed; no file yet. */
    BEFORE_FILE,
    /** The file is written, synced and schema-valid; the database does not know yet. */
    AFTER_FILE_BEFORE_COMMIT,
    /** Part of the file is in the outbox under a temporary name; the bank's name is not there yet. */
    DURING_DELIVERY,
    /** The file is in the outbox under its name; the database does not know yet. */
    AFTER_DELIVERY_BEFORE_COMMIT
  }

  ExportFaults NONE = point -> {
  };

  void at(Point point);
}
