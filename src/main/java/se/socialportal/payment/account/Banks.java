package se.socialportal.payment.account;

import java.util.List;
import java.util.Optional;

/**
 * Swedish clearing number ranges and how each bank builds and checks its account numbers, as Bankgirot publishes them
 * in "Bankernas kontonummeruppbyggnad": type 1 accounts have a 4-digit clearing number and a 7-digit account number
 * checked with modulus 11 over the clearing number's last three digits (comment 1) or all four (comment 2) and the
 * account; type 2 accounts are checked on the account number alone — 10 digits modulus 10 (comment 1), Handelsbanken's
 * 9 digits modulus 11 (comment 2), or up to 10 digits modulus 10 (comment 3: Swedbank's 8xxx, whose clearing number
 * has a fifth, check digit, and Nordea's Plusgirot ranges). Nordea's personkonto (3300, 3782) is the holder's
 * personnummer. When Bankgirot adds a bank, add its range here.
 */
public final class Banks {

  /** How a range's account numbers are built and checked. */
  public enum Rule {
    TYPE1_COMMENT1, TYPE1_COMMENT2, TYPE2_COMMENT1, TYPE2_COMMENT2, TYPE2_COMMENT3
  }

  /** One clearing range: its bank, rule, and whether the account number is the holder's personnummer. */
  public record Range(int from, int to, String bank, Rule rule, boolean personkonto) {
    boolean covers(int clearing) {
      return clearing >= from && clearing <= to;
    }
  }

  private static final List<Range> RANGES = List.of(
    range(1100, 1199, "Nordea", Rule.TYPE1_COMMENT1),
    range(1200, 1399, "Danske Bank", Rule.TYPE1_COMMENT1),
    range(1400, 2099, "Nordea", Rule.TYPE1_COMMENT1),
    range(2300, 2399, "Ålandsbanken", Rule.TYPE1_COMMENT2),
    range(2400, 2499, "Danske Bank", Rule.TYPE1_COMMENT1),
    range(3000, 3299, "Nordea", Rule.TYPE1_COMMENT1),
    new Range(3300, 3300, "Nordea", Rule.TYPE2_COMMENT1, true),
    range(3301, 3399, "Nordea", Rule.TYPE1_COMMENT1),
    range(3400, 3409, "Länsförsäkringar Bank", Rule.TYPE1_COMMENT1),
    range(3410, 3781, "Nordea", Rule.TYPE1_COMMENT1),
    new Range(3782, 3782, "Nordea", Rule.TYPE2_COMMENT1, true),
    range(3783, 3999, "Nordea", Rule.TYPE1_COMMENT1),
    range(4000, 4999, "Nordea", Rule.TYPE1_COMMENT2),
    range(5000, 5999, "SEB", Rule.TYPE1_COMMENT1),
    range(6000, 6999, "Handelsbanken", Rule.TYPE2_COMMENT2),
    range(7000, 7999, "Swedbank", Rule.TYPE1_COMMENT1),
    range(8000, 8999, "Swedbank", Rule.TYPE2_COMMENT3),
    range(9020, 9029, "Länsförsäkringar Bank", Rule.TYPE1_COMMENT2),
    range(9040, 9049, "Citibank", Rule.TYPE1_COMMENT2),
    range(9060, 9069, "Länsförsäkringar Bank", Rule.TYPE1_COMMENT1),
    range(9070, 9079, "Multitude Bank", Rule.TYPE1_COMMENT1),
    range(9100, 9109, "Nordnet Bank", Rule.TYPE1_COMMENT2),
    range(9120, 9124, "SEB", Rule.TYPE1_COMMENT1),
    range(9130, 9149, "SEB", Rule.TYPE1_COMMENT1),
    range(9150, 9169, "Skandiabanken", Rule.TYPE1_COMMENT2),
    range(9170, 9179, "Ikano Bank", Rule.TYPE1_COMMENT1),
    range(9180, 9189, "Danske Bank", Rule.TYPE2_COMMENT1),
    range(9190, 9199, "DNB Bank", Rule.TYPE1_COMMENT2),
    range(9230, 9239, "Marginalen Bank", Rule.TYPE1_COMMENT1),
    range(9250, 9259, "SBAB", Rule.TYPE1_COMMENT1),
    range(9260, 9269, "DNB Bank", Rule.TYPE1_COMMENT2),
    range(9270, 9279, "ICA Banken", Rule.TYPE1_COMMENT1),
    range(9280, 9289, "Resurs Bank", Rule.TYPE1_COMMENT1),
    range(9300, 9349, "Swedbank", Rule.TYPE2_COMMENT1),
    range(9390, 9399, "Landshypotek", Rule.TYPE1_COMMENT2),
    range(9400, 9449, "Forex Bank", Rule.TYPE1_COMMENT1),
    range(9460, 9469, "Santander Consumer Bank", Rule.TYPE1_COMMENT1),
    range(9470, 9479, "BNP Paribas", Rule.TYPE1_COMMENT2),
    range(9500, 9549, "Nordea (Plusgirot)", Rule.TYPE2_COMMENT3),
    range(9550, 9569, "Avanza Bank", Rule.TYPE1_COMMENT2),
    range(9570, 9579, "Sparbanken Syd", Rule.TYPE2_COMMENT1),
    range(9580, 9589, "Aion Bank", Rule.TYPE1_COMMENT1),
    range(9590, 9599, "Erik Penser Bank", Rule.TYPE1_COMMENT2),
    range(9630, 9639, "Lån & Spar Bank", Rule.TYPE1_COMMENT1),
    range(9640, 9649, "Nordax Bank", Rule.TYPE1_COMMENT2),
    range(9660, 9669, "Svea Bank", Rule.TYPE1_COMMENT2),
    range(9670, 9679, "JAK Medlemsbank", Rule.TYPE1_COMMENT2),
    range(9680, 9689, "Bluestep Finans", Rule.TYPE1_COMMENT1),
    range(9700, 9709, "Ekobanken", Rule.TYPE1_COMMENT2),
    range(9710, 9719, "Lunar Bank", Rule.TYPE1_COMMENT2),
    range(9750, 9759, "Northmill Bank", Rule.TYPE1_COMMENT2),
    range(9780, 9789, "Klarna Bank", Rule.TYPE1_COMMENT2),
    range(9880, 9889, "Riksgälden", Rule.TYPE1_COMMENT2),
    range(9890, 9899, "Riksgälden", Rule.TYPE2_COMMENT1),
    range(9960, 9969, "Nordea (Plusgirot)", Rule.TYPE2_COMMENT3));

  private Banks() {
  }

  private static Range range(int from, int to, String bank, Rule rule) {
    return new Range(from, to, bank, rule, false);
  }

  /** The range a four-digit clearing number belongs to. */
  public static Optional<Range> of(int clearing) {
    return RANGES.stream().filter(range -> range.covers(clearing)).findFirst();
  }

  static List<Range> all() {
    return RANGES;
  }
}
