package se.socialportal.rules;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A kind of rule that no file covers for a month: e.g. next year's riksnorm, before Socialstyrelsen has published it,
 * or a tenant's caps for a year the municipality has not decided yet.
 *
 * @param tenant null for a national kind
 */
public record RuleGap(RuleKind kind, String tenant, YearMonth month) {

  public Optional<String> tenantId() {
    return Optional.ofNullable(tenant);
  }

  /** Where in robots/ the missing file goes, named as the existing files are (e.g. riksnorm/riksnorm-2027.json). */
  public String suggestedFile() {
    String file = kind.key() + "-" + month.getYear() + ".json";
    return tenant == null ? kind.key() + "/" + file : "tenants/" + tenant + "/" + file;
  }

  @Override
  public String toString() {
    return kind.key() + (tenant == null ? "" : " for tenant " + tenant) + " for " + month;
  }
}
