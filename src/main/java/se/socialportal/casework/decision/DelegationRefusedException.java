package se.socialportal.casework.decision;

import se.socialportal.rules.delegation.DecisionType;

/** A decision outside the staff member's delegation: nothing was recorded; the message says who may take it. */
final class DelegationRefusedException extends RuntimeException {

  final DecisionType type;
  final String whoMay;
  final String amount;

  DelegationRefusedException(DecisionType type, String whoMay, String amount) {
    super("delegation_required", null, false, false);
    this.type = type;
    this.whoMay = whoMay;
    this.amount = amount;
  }
}
