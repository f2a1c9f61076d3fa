package se.socialportal.norm;

/** Where a line belongs: the need (riksnorm, costs) or what reduces it (income). */
public enum Section {
  RIKSNORM,
  COST,
  INCOME
}
