package se.socialportal.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bank's side in tests: pain.002.001.03 status reports and camt.054.001.02 notifications as a bank sends them
 * (valid against the official schemas, which the importer checks), dropped into the inbox like the bank's
 * file-transfer client would.
 */
final class BankFiles {

  private BankFiles() {
  }

  static String endToEnd(UUID paymentId) {
    return paymentId.toString().replace("-", "");
  }

  /** Stage one: the whole file accepted (ACTC/ACCP) or rejected (RJCT with a reason). */
  static String fileStatus(String originalMessageId, String status, String reasonCode) {
    String reason = reasonCode == null ? "" : "<StsRsnInf><Rsn><Cd>" + reasonCode + "</Cd></Rsn>"
      + "<AddtlInf>Filen avvisad vid kontroll</AddtlInf></StsRsnInf>";
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
        <CstmrPmtStsRpt>
          <GrpHdr><MsgId>BANK-%s</MsgId><CreDtTm>2026-04-15T14:05:00</CreDtTm></GrpHdr>
          <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>%s</GrpSts>%s</OrgnlGrpInfAndSts>
        </CstmrPmtStsRpt>
      </Document>
      """.formatted(UUID.randomUUID().toString().substring(0, 8), originalMessageId, status, reason);
  }

  /** Stage two: single payments rejected, each with its reason code. */
  static String paymentsRejected(String originalMessageId, String paymentInformationId, List<UUID> payments,
                                 String reasonCode) {
    String transactions = payments.stream().map(id -> "<TxInfAndSts><OrgnlEndToEndId>" + endToEnd(id)
      + "</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>" + reasonCode + "</Cd></Rsn></StsRsnInf>"
      + "</TxInfAndSts>").collect(Collectors.joining());
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
        <CstmrPmtStsRpt>
          <GrpHdr><MsgId>BANK-%s</MsgId><CreDtTm>2026-04-16T07:00:00</CreDtTm></GrpHdr>
          <OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
          <OrgnlPmtInfAndSts><OrgnlPmtInfId>%s</OrgnlPmtInfId>%s</OrgnlPmtInfAndSts>
        </CstmrPmtStsRpt>
      </Document>
      """.formatted(UUID.randomUUID().toString().substring(0, 8), originalMessageId, paymentInformationId,
      transactions);
  }

  /** A booked debit per payment (one entry each), and one entry that is someone else's. */
  static String booked(List<UUID> payments, List<BigDecimal> amounts, LocalDate day) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < payments.size(); i++) {
      entries.append(entry("DBIT", amounts.get(i), day, endToEnd(payments.get(i)), ""));
    }
    entries.append(entry("DBIT", new BigDecimal("199.00"), day, "INVOICE-4711", ""));
    return notification(entries.toString());
  }

  /** A payment sent back by the creditor's bank after booking (AC04: the account is closed). */
  static String returned(UUID payment, BigDecimal amount, LocalDate day, String reasonCode) {
    return notification(entry("CRDT", amount, day, endToEnd(payment), "<RtrInf><Rsn><Cd>" + reasonCode
      + "</Cd></Rsn></RtrInf>"));
  }

  private static String entry(String creditDebit, BigDecimal amount, LocalDate day, String endToEnd, String returned) {
    return "<Ntry><Amt Ccy=\"SEK\">" + amount.setScale(2).toPlainString() + "</Amt><CdtDbtInd>" + creditDebit
      + "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + day + "</Dt></BookgDt><BkTxCd><Domn><Cd>PMNT</Cd><Fmly>"
      + "<Cd>ICDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>" + endToEnd
      + "</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"SEK\">" + amount.setScale(2).toPlainString()
      + "</Amt></TxAmt></AmtDtls>" + returned + "</TxDtls></NtryDtls></Ntry>";
  }

  private static String notification(String entries) {
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
        <BkToCstmrDbtCdtNtfctn>
          <GrpHdr><MsgId>CAMT-%s</MsgId><CreDtTm>2026-04-16T18:00:00</CreDtTm></GrpHdr>
          <Ntfctn><Id>N1</Id><CreDtTm>2026-04-16T18:00:00</CreDtTm><Acct><Id><IBAN>SE4550000000058398257466</IBAN></Id></Acct>%s</Ntfctn>
        </BkToCstmrDbtCdtNtfctn>
      </Document>
      """.formatted(UUID.randomUUID().toString().substring(0, 8), entries);
  }

  /** Drops a file into the inbox (written whole, then renamed, as a careful file-transfer client does). */
  static Path drop(Path inbox, String name, String content) {
    try {
      Files.createDirectories(inbox);
      Path part = inbox.resolve(name + ".part");
      Files.writeString(part, content, StandardCharsets.UTF_8);
      return Files.move(part, inbox.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
