package se.socialportal.platform.http;

import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address of the person's device as BankID needs it for endUserIp, and whether the request reached us over TLS.
 * X-Forwarded-For and X-Forwarded-Proto are believed only from a configured proxy, otherwise anyone could choose
 * the address that rate limits and BankID see.
 */
public final class ClientAddress {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  private final Set<String> trustedProxies;

  public ClientAddress(List<InetAddress> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(InetAddress::getHostAddress).collect(Collectors.toUnmodifiableSet());
  }

  public String of(RoutingContext ctx) {
    String peer = normalise(ctx.request().remoteAddress().hostAddress());
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    String forwarded = ctx.request().getHeader("X-Forwarded-For");
    if (forwarded == null || forwarded.isBlank()) {
      return peer;
    }
    // Walk from the right: the right-most entry was added by our own proxy; skip every trusted hop.
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = normalise(hops[i].trim());
      if (hop.isEmpty() || !isIpLiteral(hop)) {
        return peer;
      }
      if (!trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }

  /** Asked on every request (security headers): without trusted proxies it is the connection's own TLS alone. */
  public boolean isHttps(RoutingContext ctx) {
    if (ctx.request().connection().isSsl()) {
      return true;
    }
    if (trustedProxies.isEmpty()) {
      return false;
    }
    String peer = normalise(ctx.request().remoteAddress().hostAddress());
    return trustedProxies.contains(peer) && "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
  }

  private static boolean isIpLiteral(String value) {
    return IP_LITERAL.matcher(value).matches();
  }

  private static String normalise(String address) {
    if (address == null) {
      return "";
    }
    if (!isIpLiteral(address)) {
      return address;
    }
    try {
      return InetAddress.getByName(address).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
