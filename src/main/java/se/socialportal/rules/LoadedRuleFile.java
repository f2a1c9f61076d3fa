package se.socialportal.rules;

/**
 * A file a rule book was read from: what the record of every load keeps, so it can be told later which versions were
 * in force and from where.
 *
 * @param tenant the tenant directory; null for national rules
 */
public record LoadedRuleFile(String name, RuleKind kind, String tenant, String version, EffectivePeriod period) {
}
