package se.socialportal.norm;

/** How an income type is treated when the need is reduced by income (docs/sources.md#incomes). */
public enum IncomeTreatment {
  /** Deducted from the need (the main rule: all net income of the household counts). */
  COUNTED,
  /** Not deducted (e.g. skattefri handikappersättning, CSN extra tillägg). */
  NOT_COUNTED,
  /**
   * Not classified: a handläggare must judge it. It is counted meanwhile, because the main rule is that all income
   * counts, and the line is flagged so the robot raises UNHANDLED_INCOME and the proposal is never decided unseen.
   */
  REVIEW
}
