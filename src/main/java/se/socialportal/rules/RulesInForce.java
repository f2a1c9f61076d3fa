package se.socialportal.rules;

import se.socialportal.norm.NormRules;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the robot needs for one tenant and month, with the versions to store on the beslutsförslag. */
public record RulesInForce(String tenant, YearMonth month, NormRules norm, WarningRules warnings,
                           StickprovRule stickprov, AutomationRule automation, RobotMotivering motivering) {

  /** kind → version of every rule used ("riksnorm" → "riksnorm-2025", "caps" → "demo-caps-2025.1", ...). */
  public Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("riksnorm", norm.riksnorm().version());
    versions.put("prisbasbelopp", norm.prisbasbelopp().version());
    versions.put("caps", norm.caps().version());
    versions.put("incomeClassification", norm.incomes().version());
    versions.put("warningRules", warnings.version());
    versions.put("stickprov", stickprov.version());
    versions.put("automation", automation.version());
    versions.put("motivering", motivering.version());
    return versions;
  }
}
