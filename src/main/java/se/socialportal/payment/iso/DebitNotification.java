package se.socialportal.payment.iso;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A camt.054.001.02 debit/credit notification, as far as we act on it: per entry, booked or not, debit or credit, the
 * booking date, and per transaction our EndToEndId, its amount and a return reason when a payment came back. Other
 * entries on the account (the municipality's other payments) are read and left alone.
 */
public record DebitNotification(String messageId, List<Entry> entries) {

  /** One Ntry: amount, DBIT/CRDT, BOOK/PDNG/INFO, booking date, reversal, and its transactions. */
  public record Entry(BigDecimal amount, String currency, String creditDebit, String status,
                      Optional<LocalDate> bookingDate, boolean reversal, List<Transaction> transactions) {

    public boolean bookedDebit() {
      return "BOOK".equals(status) && "DBIT".equals(creditDebit) && !reversal;
    }

    /** A booked credit carrying a return reason: a payment the creditor's bank sent back. */
    public boolean bookedReturn() {
      return "BOOK".equals(status) && ("CRDT".equals(creditDebit) || reversal);
    }
  }

  /** One TxDtls: our EndToEndId, the amount when given, and the return reason when given. */
  public record Transaction(Optional<String> endToEndId, Optional<BigDecimal> amount, Optional<String> returnCode,
                            List<String> returnText) {
  }

  /** Reads a schema-valid notification. */
  public static DebitNotification read(Path file) throws IOException, XMLStreamException {
    Builder builder = new Builder();
    XmlEvents.read(file, builder);
    return new DebitNotification(builder.messageId, List.copyOf(builder.entries));
  }

  private static final class Builder implements XmlEvents.Handler {
    private static final String ENTRY = "BkToCstmrDbtCdtNtfctn/Ntfctn/Ntry";
    private static final String TX = ENTRY + "/NtryDtls/TxDtls";

    private String messageId = "";
    private final List<Entry> entries = new ArrayList<>();
    private BigDecimal amount;
    private String currency;
    private String creditDebit;
    private String status;
    private Optional<LocalDate> bookingDate;
    private boolean reversal;
    private List<Transaction> transactions;
    private Optional<String> endToEndId;
    private Optional<BigDecimal> txAmount;
    private Optional<String> returnCode;
    private List<String> returnText;

    @Override
    public void start(String path, Map<String, String> attributes) {
      if (path.equals(ENTRY)) {
        amount = BigDecimal.ZERO;
        currency = "";
        creditDebit = "";
        status = "";
        bookingDate = Optional.empty();
        reversal = false;
        transactions = new ArrayList<>();
      } else if (path.equals(ENTRY + "/Amt")) {
        currency = attributes.getOrDefault("Ccy", "");
      } else if (path.equals(TX)) {
        endToEndId = Optional.empty();
        txAmount = Optional.empty();
        returnCode = Optional.empty();
        returnText = new ArrayList<>();
      }
    }

    @Override
    public void end(String path, String text) {
      switch (path) {
        case "BkToCstmrDbtCdtNtfctn/GrpHdr/MsgId" -> messageId = text;
        case ENTRY + "/Amt" -> amount = new BigDecimal(text);
        case ENTRY + "/CdtDbtInd" -> creditDebit = text;
        case ENTRY + "/Sts" -> status = text;
        case ENTRY + "/RvslInd" -> reversal = Boolean.parseBoolean(text);
        case ENTRY + "/BookgDt/Dt" -> bookingDate = Optional.of(LocalDate.parse(text));
        case ENTRY + "/BookgDt/DtTm" -> bookingDate = Optional.of(LocalDate.parse(text.substring(0, 10)));
        case TX + "/Refs/EndToEndId" -> endToEndId = Optional.of(text);
        case TX + "/AmtDtls/TxAmt/Amt", TX + "/AmtDtls/InstdAmt/Amt" -> {
          if (txAmount.isEmpty()) {
            txAmount = Optional.of(new BigDecimal(text));
          }
        }
        case TX + "/RtrInf/Rsn/Cd", TX + "/RtrInf/Rsn/Prtry" -> returnCode = Optional.of(text);
        case TX + "/RtrInf/AddtlInf" -> returnText.add(text);
        case TX -> transactions.add(new Transaction(endToEndId, txAmount, returnCode, List.copyOf(returnText)));
        case ENTRY -> entries.add(new Entry(amount, currency, creditDebit, status, bookingDate, reversal,
          List.copyOf(transactions)));
        default -> {
        }
      }
    }
  }
}
