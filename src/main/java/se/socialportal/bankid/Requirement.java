package se.socialportal.bankid;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code requirement}: conditions the user's BankID must meet for the order to succeed. Every part is optional;
 * BankID's defaults apply to what is left out. Setting any certificate policy replaces all of BankID's default
 * policies.
 *
 * @param personalNumber only this person may complete the order (auth and sign only; phone orders name the person
 *                       in their own {@code personalNumber})
 * @param risk           the highest risk accepted: {@link RiskLevel#LOW} or {@link RiskLevel#MODERATE}
 */
public record Requirement(Boolean pinCode, Boolean mrtd, CardReader cardReader, List<String> certificatePolicies,
                          String personalNumber, RiskLevel risk) {

  public static final Requirement NONE = new Requirement(null, null, null, List.of(), null, null);

  public Requirement {
    certificatePolicies = certificatePolicies == null ? List.of() : List.copyOf(certificatePolicies);
    for (String policy : certificatePolicies) {
      Fields.objectIdentifier("requirement.certificatePolicies", policy);
    }
    if (personalNumber != null) {
      Fields.personalNumber("requirement.personalNumber", personalNumber);
    }
    if (risk != null && risk != RiskLevel.LOW && risk != RiskLevel.MODERATE) {
      throw new InvalidRequestException("requirement.risk", "must be low or moderate");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same requirement with these policies, unless it names its own. */
  public Requirement withDefaultPolicies(List<String> defaults) {
    if (!certificatePolicies.isEmpty() || defaults.isEmpty()) {
      return this;
    }
    return new Requirement(pinCode, mrtd, cardReader, defaults, personalNumber, risk);
  }

  public boolean isEmpty() {
    return pinCode == null && mrtd == null && cardReader == null && certificatePolicies.isEmpty()
      && personalNumber == null && risk == null;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    if (pinCode != null) {
      json.put("pinCode", pinCode);
    }
    if (mrtd != null) {
      json.put("mrtd", mrtd);
    }
    if (cardReader != null) {
      json.put("cardReader", cardReader.wireName());
    }
    if (!certificatePolicies.isEmpty()) {
      json.put("certificatePolicies", new JsonArray(new ArrayList<>(certificatePolicies)));
    }
    if (personalNumber != null) {
      json.put("personalNumber", personalNumber);
    }
    if (risk != null) {
      json.put("risk", risk.wireName());
    }
    return json;
  }

  @Override
  public String toString() {
    return "Requirement[pinCode=" + pinCode + ", mrtd=" + mrtd + ", cardReader=" + cardReader
      + ", certificatePolicies=" + certificatePolicies + ", personalNumber=" + (personalNumber == null ? "none" : "set")
      + ", risk=" + risk + "]";
  }

  public static final class Builder {
    private Boolean pinCode;
    private Boolean mrtd;
    private CardReader cardReader;
    private final List<String> certificatePolicies = new ArrayList<>();
    private String personalNumber;
    private RiskLevel risk;

    private Builder() {
    }

    public Builder pinCode(boolean required) {
      this.pinCode = required;
      return this;
    }

    public Builder mrtd(boolean required) {
      this.mrtd = required;
      return this;
    }

    public Builder cardReader(CardReader cardReader) {
      this.cardReader = cardReader;
      return this;
    }

    public Builder certificatePolicies(List<String> policies) {
      this.certificatePolicies.addAll(policies);
      return this;
    }

    public Builder certificatePolicy(String policy) {
      this.certificatePolicies.add(policy);
      return this;
    }

    public Builder personalNumber(String personalNumber) {
      this.personalNumber = personalNumber;
      return this;
    }

    public Builder risk(RiskLevel risk) {
      this.risk = risk;
      return this;
    }

    public Requirement build() {
      return new Requirement(pinCode, mrtd, cardReader, certificatePolicies, personalNumber, risk);
    }
  }
}
