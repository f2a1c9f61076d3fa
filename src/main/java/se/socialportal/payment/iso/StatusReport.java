package se.socialportal.payment.iso;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pain.002.001.03 payment status report, as far as we act on it. The bank answers a payment file in two stages: first
 * for the file as a whole (the group status: accepted — ACTC, ACCP, ACSP, ACSC, ACWC —, partly accepted, or rejected
 * with a reason), later for single payments (a payment information block or a transaction rejected, named by the
 * EndToEndId we gave it).
 */
public record StatusReport(String messageId, String originalMessageId, String originalMessageName,
                           Optional<String> groupStatus, List<Reason> groupReasons, List<PaymentInformation> payments) {

  /** A reason: an ISO external status reason code (AC04, AM04 ...) or the bank's own, and its free text. */
  public record Reason(Optional<String> code, Optional<String> proprietary, List<String> additionalInformation) {
  }

  /** OrgnlPmtInfAndSts: a payment information block's status and its transactions' statuses. */
  public record PaymentInformation(String originalPaymentInformationId, Optional<String> status, List<Reason> reasons,
                                   List<Transaction> transactions) {
  }

  /** TxInfAndSts: one payment, by our EndToEndId. */
  public record Transaction(Optional<String> endToEndId, Optional<String> status, List<Reason> reasons) {
  }

  /** A status that refuses: the file, the block or the payment will not be paid. */
  public static boolean rejected(Optional<String> status) {
    return status.filter("RJCT"::equals).isPresent();
  }

  /** Reads a schema-valid status report. */
  public static StatusReport read(Path file) throws IOException, XMLStreamException {
    Builder builder = new Builder();
    XmlEvents.read(file, builder);
    return builder.build();
  }

  private static final class Builder implements XmlEvents.Handler {
    private static final String GROUP = "CstmrPmtStsRpt/OrgnlGrpInfAndSts";
    private static final String PAYMENT = "CstmrPmtStsRpt/OrgnlPmtInfAndSts";
    private static final String TRANSACTION = PAYMENT + "/TxInfAndSts";

    private String messageId = "";
    private String originalMessageId = "";
    private String originalMessageName = "";
    private Optional<String> groupStatus = Optional.empty();
    private final List<Reason> groupReasons = new ArrayList<>();
    private final List<PaymentInformation> payments = new ArrayList<>();
    private String paymentId;
    private Optional<String> paymentStatus;
    private List<Reason> paymentReasons;
    private List<Transaction> transactions;
    private Optional<String> endToEndId;
    private Optional<String> transactionStatus;
    private List<Reason> transactionReasons;
    private Optional<String> reasonCode;
    private Optional<String> reasonProprietary;
    private List<String> reasonText;

    @Override
    public void start(String path, Map<String, String> attributes) {
      if (path.equals(PAYMENT)) {
        paymentId = "";
        paymentStatus = Optional.empty();
        paymentReasons = new ArrayList<>();
        transactions = new ArrayList<>();
      } else if (path.equals(TRANSACTION)) {
        endToEndId = Optional.empty();
        transactionStatus = Optional.empty();
        transactionReasons = new ArrayList<>();
      } else if (path.endsWith("/StsRsnInf")) {
        reasonCode = Optional.empty();
        reasonProprietary = Optional.empty();
        reasonText = new ArrayList<>();
      }
    }

    @Override
    public void end(String path, String text) {
      switch (path) {
        case "CstmrPmtStsRpt/GrpHdr/MsgId" -> messageId = text;
        case GROUP + "/OrgnlMsgId" -> originalMessageId = text;
        case GROUP + "/OrgnlMsgNmId" -> originalMessageName = text;
        case GROUP + "/GrpSts" -> groupStatus = Optional.of(text);
        case GROUP + "/StsRsnInf" -> groupReasons.add(reason());
        case PAYMENT + "/OrgnlPmtInfId" -> paymentId = text;
        case PAYMENT + "/PmtInfSts" -> paymentStatus = Optional.of(text);
        case PAYMENT + "/StsRsnInf" -> paymentReasons.add(reason());
        case TRANSACTION + "/OrgnlEndToEndId" -> endToEndId = Optional.of(text);
        case TRANSACTION + "/TxSts" -> transactionStatus = Optional.of(text);
        case TRANSACTION + "/StsRsnInf" -> transactionReasons.add(reason());
        case TRANSACTION -> transactions.add(new Transaction(endToEndId, transactionStatus, transactionReasons));
        case PAYMENT -> payments.add(new PaymentInformation(paymentId, paymentStatus, paymentReasons, transactions));
        default -> {
          if (path.endsWith("/StsRsnInf/Rsn/Cd")) {
            reasonCode = Optional.of(text);
          } else if (path.endsWith("/StsRsnInf/Rsn/Prtry")) {
            reasonProprietary = Optional.of(text);
          } else if (path.endsWith("/StsRsnInf/AddtlInf")) {
            reasonText.add(text);
          }
        }
      }
    }

    private Reason reason() {
      return new Reason(reasonCode, reasonProprietary, List.copyOf(reasonText));
    }

    StatusReport build() {
      return new StatusReport(messageId, originalMessageId, originalMessageName, groupStatus, List.copyOf(groupReasons),
        List.copyOf(payments));
    }
  }
}
