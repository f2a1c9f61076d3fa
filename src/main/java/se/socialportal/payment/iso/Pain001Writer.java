package se.socialportal.payment.iso;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes a pain.001.001.03 customer credit transfer in the Swedish domestic form, streaming (StAX, one element at a
 * time, nothing of the file kept in memory): the group header (MsgId, CreDtTm, NbOfTxs, CtrlSum, the payer), one
 * payment information block per requested execution date, and per payment its EndToEndId, the amount in SEK, the
 * creditor's name (mandatory for Swedish account transfers from 2026) and account — a bank account as clearing number
 * (SESBA member id) and account number (BBAN), a Bankgiro number (member 9900, BGNR) or a Plusgiro number (member
 * 9960, BBAN) — and a short remittance text. The output is a function of the arguments alone (no clock, no map
 * order), so the same batch always gives the same bytes. Not thread-safe; one writer per file.
 */
public final class Pain001Writer implements AutoCloseable {

  private static final String NAMESPACE = IsoSchemas.Message.PAIN_001.namespace();
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** The payer's side of the file, fixed when the batch is assembled. */
  public record Debtor(String name, String organisationsnummer, Optional<String> bankCustomerId, Optional<String> iban,
                       Optional<String> bankgiro, String bic, Optional<String> categoryPurpose) {
  }

  /** GrpHdr: the message id (fixed per batch: the bank's duplicate check), creation time, count and sum. */
  public record Header(String messageId, LocalDateTime createdAt, long numberOfTransactions, BigDecimal controlSum,
                       Debtor debtor) {
  }

  /** One PmtInf: all payments requested for one execution date. */
  public record PaymentGroup(String paymentInformationId, LocalDate executionDate, long numberOfTransactions,
                             BigDecimal controlSum) {
  }

  /** Where the money goes. */
  public enum CreditorKind { BANK, BANKGIRO, PLUSGIRO }

  /** One CdtTrfTxInf. {@code clearing} only for a bank account. */
  public record Transfer(UUID endToEndId, BigDecimal amount, String creditorName, CreditorKind kind,
                         Optional<String> clearing, String accountNumber, String remittance) {
  }

  private final XMLStreamWriter xml;
  private int depth;
  private boolean inGroup;

  public Pain001Writer(OutputStream out) {
    try {
      // Through a Writer: the JDK's StAX encodes a character stream two to three times faster than it writes bytes.
      this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The EndToEndId written for a payment id: its 32 hex digits (the bank allows 35 characters). */
  public static String endToEndId(UUID paymentId) {
    return paymentId.toString().replace("-", "");
  }

  public void start(Header header) throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    newline();
    xml.writeStartElement("Document");
    xml.writeDefaultNamespace(NAMESPACE);
    depth++;
    open("CstmrCdtTrfInitn");
    open("GrpHdr");
    text("MsgId", header.messageId());
    text("CreDtTm", CREATED.format(header.createdAt()));
    text("NbOfTxs", Long.toString(header.numberOfTransactions()));
    text("CtrlSum", amount(header.controlSum()));
    party("InitgPty", header.debtor(), true);
    end();
  }

  public void startGroup(PaymentGroup group, Debtor debtor) throws XMLStreamException {
    if (inGroup) {
      end();
    }
    inGroup = true;
    open("PmtInf");
    text("PmtInfId", group.paymentInformationId());
    text("PmtMtd", "TRF");
    text("BtchBookg", "false");
    text("NbOfTxs", Long.toString(group.numberOfTransactions()));
    text("CtrlSum", amount(group.controlSum()));
    open("PmtTpInf");
    open("SvcLvl");
    text("Cd", "NURG");
    end();
    if (debtor.categoryPurpose().isPresent()) {
      open("CtgyPurp");
      text("Cd", debtor.categoryPurpose().get());
      end();
    }
    end();
    text("ReqdExctnDt", group.executionDate().toString());
    party("Dbtr", debtor, false);
    open("DbtrAcct");
    open("Id");
    if (debtor.iban().isPresent()) {
      text("IBAN", debtor.iban().get());
    } else {
      open("Othr");
      text("Id", debtor.bankgiro().orElseThrow());
      open("SchmeNm");
      text("Prtry", "BGNR");
      end();
      end();
    }
    end();
    text("Ccy", "SEK");
    end();
    open("DbtrAgt");
    open("FinInstnId");
    text("BIC", debtor.bic());
    end();
    end();
  }

  public void transfer(Transfer transfer) throws XMLStreamException {
    open("CdtTrfTxInf");
    open("PmtId");
    text("EndToEndId", endToEndId(transfer.endToEndId()));
    end();
    open("Amt");
    indent();
    xml.writeStartElement("InstdAmt");
    xml.writeAttribute("Ccy", "SEK");
    xml.writeCharacters(amount(transfer.amount()));
    xml.writeEndElement();
    end();
    String member = switch (transfer.kind()) {
      case BANK -> transfer.clearing().orElseThrow();
      case BANKGIRO -> "9900";
      case PLUSGIRO -> "9960";
    };
    open("CdtrAgt");
    open("FinInstnId");
    open("ClrSysMmbId");
    open("ClrSysId");
    text("Cd", "SESBA");
    end();
    text("MmbId", member);
    end();
    end();
    end();
    open("Cdtr");
    text("Nm", Texts.clean(transfer.creditorName(), 70));
    end();
    open("CdtrAcct");
    open("Id");
    open("Othr");
    text("Id", transfer.accountNumber());
    open("SchmeNm");
    if (transfer.kind() == CreditorKind.BANKGIRO) {
      text("Prtry", "BGNR");
    } else {
      text("Cd", "BBAN");
    }
    end();
    end();
    end();
    end();
    open("RmtInf");
    text("Ustrd", Texts.clean(transfer.remittance(), 140));
    end();
    end();
  }

  /** Ends the document and flushes; the caller closes (and syncs) the stream. */
  public void finish() throws XMLStreamException {
    if (inGroup) {
      end();
      inGroup = false;
    }
    end();
    depth--;
    newline();
    xml.writeEndElement();
    newline();
    xml.writeEndDocument();
    xml.flush();
  }

  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }

  /** The payer: name and, as identification, the bank's customer id (scheme BANK) or the organisation number. */
  private void party(String element, Debtor debtor, boolean initiating) throws XMLStreamException {
    open(element);
    text("Nm", Texts.clean(debtor.name(), 70));
    open("Id");
    open("OrgId");
    open("Othr");
    if (initiating && debtor.bankCustomerId().isPresent()) {
      text("Id", debtor.bankCustomerId().get());
      open("SchmeNm");
      text("Cd", "BANK");
      end();
    } else {
      text("Id", debtor.organisationsnummer().replace("-", ""));
    }
    end();
    end();
    end();
    end();
  }

  /** Kronor with two decimals, a point as separator: 7520.00. */
  static String amount(BigDecimal value) {
    return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private void open(String name) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    depth++;
  }

  private void end() throws XMLStreamException {
    depth--;
    indent();
    xml.writeEndElement();
  }

  private void text(String name, String value) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void indent() throws XMLStreamException {
    newline();
    xml.writeCharacters("  ".repeat(depth));
  }

  private void newline() throws XMLStreamException {
    xml.writeCharacters("\n");
  }
}
