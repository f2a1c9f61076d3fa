package se.socialportal.casework.calc;

import se.socialportal.rules.delegation.DecisionType;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A handläggare's change to one line (calculation_adjustment): a new amount with a reason, or a new need line.
 */
public record Adjustment(String lineKey, CalcLine.Section section, String label, Optional<DecisionType> decisionType,
                         BigDecimal newAmount, String reason) {
}
