package se.socialportal.bankid.simulator;

import java.util.List;

/**
 * What an RP asked for, validated.
 *
 * @param personalNumber          the person the order is for (requirement.personalNumber or the phone
 *                                personalNumber); null when anyone may complete it
 * @param endUserIp               null for phone orders
 * @param userVisibleData         the decoded text (null when absent); the base64 form is kept for the signature
 * @param rpName                  the subject of the RP's client certificate (what BankID shows as the requester)
 */
public record OrderRequest(OrderType type, String personalNumber, String endUserIp, String userVisibleData,
                           String userVisibleDataBase64, String userVisibleDataFormat,
                           String userNonVisibleDataBase64, List<String> certificatePolicies, boolean mrtdRequired,
                           boolean returnRisk, String callInitiator, String rpName) {

  public OrderRequest {
    certificatePolicies = certificatePolicies == null ? List.of() : List.copyOf(certificatePolicies);
  }

  @Override
  public String toString() {
    return "OrderRequest[" + type + ", personalNumber=" + (personalNumber == null ? "none" : "set") + "]";
  }
}
