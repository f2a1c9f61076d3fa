package se.socialportal.rules;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The share of proposals a tenant draws for a full check. Drawn from every channel alike where the tenant lists them
 * all (likabehandling, 2 kap. 3 § KL; docs/sources.md#likabehandling-and-stickprov).
 */
public record StickprovRule(String version, BigDecimal percent, Set<String> channels) {

  public StickprovRule {
    channels = Set.copyOf(channels);
  }

  /** A tenant without a stickprov file in force draws none. */
  public static StickprovRule none() {
    return new StickprovRule("none", BigDecimal.ZERO, Set.of());
  }
}
