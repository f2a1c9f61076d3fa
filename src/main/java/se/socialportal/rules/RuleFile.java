package se.socialportal.rules;

import io.vertx.core.json.JsonObject;

/**
 * One schema-valid rule file.
 *
 * @param name   where it was found, for messages
 * @param tenant the tenant directory it lives in; null for national rules
 */
public record RuleFile(String name, RuleKind kind, String tenant, String version, EffectivePeriod period,
                       JsonObject json) {
}
