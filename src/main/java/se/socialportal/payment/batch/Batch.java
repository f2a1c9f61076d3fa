package se.socialportal.payment.batch;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import se.socialportal.payment.iso.Pain001Writer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** A payment_batch row: everything a payment file is written from, besides its payments. */
public record Batch(UUID id, String tenantId, String debtorAccountId, Instant cutoffAt, LocalDate executionDate,
                    String state, String messageId, Instant createdAt, JsonObject debtor, long numberOfTransactions,
                    BigDecimal controlSum, String fileName, Optional<String> sha256, Optional<String> ledgerFileName) {

  static final String COLUMNS = "id, tenant_id, debtor_account_id, cutoff_at, execution_date, state, msg_id, "
    + "created_at, debtor, nb_of_txs, ctrl_sum, file_name, file_sha256, ledger_file_name";
  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  static Batch of(Row row) {
    return new Batch(row.getUUID("id"), row.getString("tenant_id"), row.getString("debtor_account_id"),
      row.getOffsetDateTime("cutoff_at").toInstant(), row.getLocalDate("execution_date"), row.getString("state"),
      row.getString("msg_id"), row.getOffsetDateTime("created_at").toInstant(), row.getJsonObject("debtor"),
      row.getLong("nb_of_txs"), row.getBigDecimal("ctrl_sum"), row.getString("file_name"),
      Optional.ofNullable(row.getString("file_sha256")), Optional.ofNullable(row.getString("ledger_file_name")));
  }

  /** The message id of a batch: fixed, so a rewritten file is the same file to the bank's duplicate check. */
  static String messageId(UUID batchId) {
    return "SP" + batchId.toString().replace("-", "").substring(0, 24);
  }

  static String fileName(UUID batchId) {
    return "pain001-" + batchId + ".xml";
  }

  static String ledgerFileName(UUID batchId) {
    return "verifikation-" + batchId + ".se";
  }

  /** A payment information block's id: the message id and the execution date (35 characters at most). */
  public static String paymentInformationId(String messageId, LocalDate date) {
    return messageId + "-" + date.toString().replace("-", "");
  }

  /** The execution date a payment information id names, if it is one of ours. */
  public static Optional<LocalDate> dateOf(String paymentInformationId, String messageId) {
    String prefix = messageId + "-";
    if (!paymentInformationId.startsWith(prefix) || paymentInformationId.length() != prefix.length() + 8) {
      return Optional.empty();
    }
    String digits = paymentInformationId.substring(prefix.length());
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
        Integer.parseInt(digits.substring(6, 8))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** GrpHdr/CreDtTm: the assembly time in Stockholm, to the second. */
  LocalDateTime creationTime() {
    return LocalDateTime.ofInstant(createdAt, STOCKHOLM).withNano(0);
  }

  Pain001Writer.Debtor payer() {
    return new Pain001Writer.Debtor(debtor.getString("name"), debtor.getString("organisationsnummer"),
      Optional.ofNullable(debtor.getString("bankCustomerId")), Optional.ofNullable(debtor.getString("iban")),
      Optional.ofNullable(debtor.getString("bankgiro")), debtor.getString("bic"),
      Optional.ofNullable(debtor.getString("categoryPurpose")));
  }

  static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
  }
}
