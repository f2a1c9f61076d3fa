package se.socialportal.norm;

/**
 * A person's place in the calculation. Who belongs to the economic household follows SOSFS 2013:1 (R4,
 * docs/sources.md#computation-rules): makar, registrerade partner, sambor and children under 21 whom they must support.
 */
public enum Role {
  /** The person applying; always part of the household. */
  APPLICANT,
  /** The applicant's sambo, make/maka or registrerad partner; the couple gets the sambo amount together. */
  SAMBO,
  /** The applicant's (or the couple's) child. Under 21 and not placed: a household member (12 kap. 2 § SoF). */
  CHILD,
  /**
   * Someone living in the dwelling outside the economic household (an adult child, a relative, a lodger, their
   * children). Not in the riksnorm, but counted in the dwelling's size for the common costs (12 kap. 3 § SoF).
   */
  OTHER_RESIDENT
}
