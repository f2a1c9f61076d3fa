package se.socialportal.rules;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import se.socialportal.platform.text.Luhn;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A payment calendar file beyond its schema: account ids unique, every payable decision type paid from exactly one
 * account (a granted part nobody can pay would wait forever), the IBAN's and the Bankgiro number's check digits right.
 */
final class PaymentCalendarReader {

  /** The decision types a granted decision pays out (återkrav and eftergift move money the other way). */
  static final List<String> PAYABLE_TYPES = List.of("forsorjningsstod", "livsforing_ovrigt", "skulder", "begravning");

  private PaymentCalendarReader() {
  }

  static PaymentCalendar calendar(RuleFile file, Problems problems) {
    JsonObject json = file.json();
    JsonObject payer = json.getJsonObject("payer");
    JsonObject cutOff = json.getJsonObject("cutOff");
    Set<LocalDate> closed = new HashSet<>();
    json.getJsonArray("extraClosedDays", new JsonArray()).forEach(day -> closed.add(LocalDate.parse(day.toString())));
    List<PaymentCalendar.DebtorAccount> accounts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Map<String, String> paidFrom = new HashMap<>();
    JsonArray array = json.getJsonArray("debtorAccounts");
    for (int i = 0; i < array.size(); i++) {
      JsonObject account = array.getJsonObject(i);
      String pointer = "/debtorAccounts/" + i;
      String id = account.getString("id");
      if (!ids.add(id)) {
        problems.add(file, pointer + "/id", "account id '" + id + "' appears twice");
      }
      Optional<String> iban = Optional.ofNullable(account.getString("iban"));
      Optional<String> bankgiro = Optional.ofNullable(account.getString("bankgiro")).map(number -> number.replace("-", ""));
      if (iban.isPresent() && !ibanValid(iban.get())) {
        problems.add(file, pointer + "/iban", "the IBAN's check digits are wrong: " + iban.get());
      }
      if (bankgiro.isPresent() && !Luhn.valid(bankgiro.get())) {
        problems.add(file, pointer + "/bankgiro", "the Bankgiro number's check digit is wrong: " + account.getString("bankgiro"));
      }
      Map<String, PaymentCalendar.Booking> bookings = new LinkedHashMap<>();
      JsonObject types = account.getJsonObject("decisionTypes");
      for (String type : types.fieldNames()) {
        JsonObject booking = types.getJsonObject(type);
        bookings.put(type, new PaymentCalendar.Booking(booking.getString("konto"), booking.getString("ansvar"),
          booking.getString("verksamhet")));
        String other = paidFrom.putIfAbsent(type, id);
        if (other != null) {
          problems.add(file, pointer + "/decisionTypes/" + type, type + " is already paid from account '" + other
            + "': a decision type is paid from one account");
        }
      }
      accounts.add(new PaymentCalendar.DebtorAccount(id, account.getString("name"), iban, bankgiro,
        account.getString("bic"), account.getString("ledgerAccount"), bookings));
    }
    List<String> unpaid = PAYABLE_TYPES.stream().filter(type -> !paidFrom.containsKey(type)).toList();
    if (!unpaid.isEmpty()) {
      problems.add(file, "/debtorAccounts", "no account pays " + String.join(", ", unpaid)
        + ": every granted decision type needs an account it is paid from");
    }
    Integer monthly = json.getInteger("monthlyPayoutDay");
    return new PaymentCalendar(file.version(),
      new PaymentCalendar.Payer(payer.getString("name"), payer.getString("organisationsnummer"),
        Optional.ofNullable(payer.getString("bankCustomerId"))),
      LocalTime.parse(cutOff.getString("time")), cutOff.getInteger("bankingDaysBefore"),
      monthly == null ? OptionalInt.empty() : OptionalInt.of(monthly), closed, json.getInteger("accountChangeHoldDays"),
      json.getInteger("unpaidAfterDays"), json.getBoolean("giroAccepted"),
      RuleValues.labels(json.getJsonObject("alternativeRoute")), Optional.ofNullable(json.getString("categoryPurpose")),
      accounts);
  }

  /** ISO 13616: the country code and check digits moved to the end, letters as numbers, modulo 97 is 1. */
  static boolean ibanValid(String iban) {
    String moved = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : moved.toCharArray()) {
      digits.append(Character.getNumericValue(c));
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

}
