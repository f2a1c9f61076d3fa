package se.socialportal.norm;

/** What the calculation proposes. */
public enum Outcome {
  /** There is a need left after income: grant the amount. */
  BIFALL,
  /**
   * Normöverskott: income covers the need (the amount to grant rounds to 0 kr). Avslag, which must still be a
   * reasoned, appealable decision (FL 32 §; R9, docs/sources.md#computation-rules).
   */
  AVSLAG
}
