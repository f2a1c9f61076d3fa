package se.socialportal.casework.decision;

import io.vertx.core.json.JsonArray;
import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.util.List;

/**
 * One decision to be recorded: its type, outcome, amount, the amount its delegation is checked on (what the decision
 * is about, granted or not), the lines it covers and its FL 32 § motivering with the rules applied.
 */
public record DecisionPart(DecisionType type, String outcome, BigDecimal amount, BigDecimal delegationAmount,
                           JsonArray lines, String motivering, List<String> legalBasis, String reasonCode) {

  public DecisionPart {
    legalBasis = List.copyOf(legalBasis);
  }
}
