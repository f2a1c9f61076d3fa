package se.socialportal.bankid;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Recognises IP address literals without ever resolving a host name. */
public final class IpAddresses {

  private static final Pattern IPV4 =
    Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

  private IpAddresses() {
  }

  /**
   * An IPv4 or IPv6 literal. IPv6 is checked by the JDK's parser, which never does a DNS lookup for text with a
   * colon made only of hex digits, colons and dots.
   */
  public static boolean isLiteral(String value) {
    if (value == null) {
      return false;
    }
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    if (!value.contains(":") || !IPV6_CHARACTERS.matcher(value).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
