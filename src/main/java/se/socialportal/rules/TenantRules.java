package se.socialportal.rules;

import se.socialportal.norm.CostCaps;
import se.socialportal.rules.delegation.DelegationMatrix;

/** One tenant's rules over time. */
final class TenantRules {

  final Timeline<CostCaps> caps = new Timeline<>();
  final Timeline<StickprovRule> stickprov = new Timeline<>();
  final Timeline<AutomationRule> automation = new Timeline<>();
  final Timeline<DelegationMatrix> delegation = new Timeline<>();
  final Timeline<TenantDetails> details = new Timeline<>();
  final Timeline<PaymentCalendar> payments = new Timeline<>();
  final Timeline<FamiljerattRules> familjeratt = new Timeline<>();
}
