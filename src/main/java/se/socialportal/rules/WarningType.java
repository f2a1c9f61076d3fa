package se.socialportal.rules;

/** The warnings the robot raises on a beslutsförslag; each has a label, a description and thresholds in robots/warning-rules. */
public enum WarningType {
  UNHANDLED_INCOME,
  INCOME_CHANGE,
  MISSING_EXTERNAL_DATA,
  NEW_INCOME,
  NEW_EXPENSE,
  NEW_PERSON,
  INCOME_DROPPED,
  HOUSEHOLD_CHANGE,
  EXPENSE_CAPPED,
  DECLARED_VS_REGISTER_MISMATCH,
  PROTECTED_IDENTITY
}
