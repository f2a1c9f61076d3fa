package se.socialportal.norm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One person in the dwelling, as the calculation needs them.
 *
 * @param umgangeDays days this month a child lives here (umgänge / part-time living); null = the whole month
 * @param jobbstimulans the person's jobbstimulans applies this month (see {@link Jobbstimulans#stateIn})
 * @param workIncomeEarlierThisYear a child's own work income in the earlier months of the calendar year, for the
 *                                  one-prisbasbelopp allowance (prop. 2012/13:94)
 */
public record HouseholdMember(Role role, LocalDate birthDate, boolean placed, boolean lunchOutsideHome,
                              Integer umgangeDays, boolean jobbstimulans, BigDecimal workIncomeEarlierThisYear) {

  public HouseholdMember {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(birthDate, "birthDate");
    workIncomeEarlierThisYear = workIncomeEarlierThisYear == null ? Amounts.ZERO : workIncomeEarlierThisYear;
  }

  public static HouseholdMember applicant(LocalDate birthDate) {
    return new HouseholdMember(Role.APPLICANT, birthDate, false, false, null, false, null);
  }

  public static HouseholdMember sambo(LocalDate birthDate) {
    return new HouseholdMember(Role.SAMBO, birthDate, false, false, null, false, null);
  }

  public static HouseholdMember child(LocalDate birthDate) {
    return new HouseholdMember(Role.CHILD, birthDate, false, false, null, false, null);
  }

  public static HouseholdMember otherResident(LocalDate birthDate) {
    return new HouseholdMember(Role.OTHER_RESIDENT, birthDate, false, false, null, false, null);
  }

  public HouseholdMember withLunchOutsideHome() {
    return new HouseholdMember(role, birthDate, placed, true, umgangeDays, jobbstimulans, workIncomeEarlierThisYear);
  }

  public HouseholdMember asPlaced() {
    return new HouseholdMember(role, birthDate, true, lunchOutsideHome, umgangeDays, jobbstimulans, workIncomeEarlierThisYear);
  }

  public HouseholdMember withUmgangeDays(int days) {
    return new HouseholdMember(role, birthDate, placed, lunchOutsideHome, days, jobbstimulans, workIncomeEarlierThisYear);
  }

  public HouseholdMember withJobbstimulans() {
    return new HouseholdMember(role, birthDate, placed, lunchOutsideHome, umgangeDays, true, workIncomeEarlierThisYear);
  }

  public HouseholdMember withWorkIncomeEarlierThisYear(BigDecimal amount) {
    return new HouseholdMember(role, birthDate, placed, lunchOutsideHome, umgangeDays, jobbstimulans, amount);
  }

  public Optional<Integer> umgange() {
    return Optional.ofNullable(umgangeDays);
  }

  public boolean isAdultOfTheHousehold() {
    return role == Role.APPLICANT || role == Role.SAMBO;
  }

  /**
   * The age used for the whole calculation month: the age the person reaches during that month (their age on its
   * last day). A child turning 7 in October is 7 for all of October; the new band applies from the birthday month,
   * as municipal guidelines do. Year and month arithmetic only, so 29 February birthdays need no special case.
   */
  public int ageIn(YearMonth month) {
    return ageIn(birthDate, month);
  }

  public static int ageIn(LocalDate birthDate, YearMonth month) {
    int age = month.getYear() - birthDate.getYear();
    return birthDate.getMonthValue() > month.getMonthValue() ? age - 1 : age;
  }
}
