package se.socialportal.norm;

/**
 * The exact rule versions a calculation used, stored with every beslutsförslag so it can be recomputed and
 * explained later. {@code caps} is {@link CostCaps#NONE} when the tenant had no limits in force.
 */
public record RuleVersions(String riksnorm, String prisbasbelopp, String caps, String incomeClassification) {
}
