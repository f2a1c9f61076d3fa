package se.socialportal.norm;

import java.util.Optional;

/**
 * Costs outside the riksnorm that försörjningsstöd covers at a reasonable (skälig) level. The first five are the
 * statutory list (boende, hushållsel, arbetsresor, hemförsäkring, fackförening och a-kassa — 12 kap. 1 § SoL
 * 2025:400, Socialstyrelsen); the last three are on most municipal lists (Lund, Sunne) although strictly they are
 * livsföring i övrigt. The JSON name is the same as in the application schema.
 */
public enum CostType {
  RENT("rent"),
  HOUSEHOLD_ELECTRICITY("householdElectricity"),
  WORK_TRAVEL("workTravel"),
  HOME_INSURANCE("homeInsurance"),
  UNION_AND_UNEMPLOYMENT_FUND("unionAndUnemploymentFund"),
  CHILDCARE("childcare"),
  MEDICAL_CARE("medicalCare"),
  DENTAL_CARE("dentalCare");

  private final String jsonName;

  CostType(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static Optional<CostType> fromJson(String name) {
    for (CostType type : values()) {
      if (type.jsonName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
