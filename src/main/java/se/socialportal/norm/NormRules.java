package se.socialportal.norm;

import java.util.Objects;

/** Everything the engine reads besides the household: the rule versions in force for one tenant and month. */
public record NormRules(Riksnorm riksnorm, Prisbasbelopp prisbasbelopp, CostCaps caps, IncomeClassification incomes) {

  public NormRules {
    Objects.requireNonNull(riksnorm, "riksnorm");
    Objects.requireNonNull(prisbasbelopp, "prisbasbelopp");
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(incomes, "incomes");
  }

  public RuleVersions versions() {
    return new RuleVersions(riksnorm.version(), prisbasbelopp.version(), caps.version(), incomes.version());
  }
}
