package se.socialportal.bankid.simulator;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated BankID RP API v6.0 ({@code /rp/v6.0/...}). The checks run in BankID's order: a registered client
 * certificate (401 unauthorized), a known path (404 notFound), POST (405 methodNotAllowed), a Content-Type of
 * exactly application/json (415 unsupportedMediaType), a JSON object body, then the endpoint's own rules (400).
 */
final class RpApi {

  static final String PREFIX = "/rp/v6.0";

  private static final Logger LOG = LoggerFactory.getLogger(RpApi.class);
  private static final int MAX_BODY_BYTES = 128 * 1024;
  private static final Map<String, OrderType> START_ENDPOINTS = Map.of(
    "/auth", OrderType.AUTH, "/sign", OrderType.SIGN,
    "/phone/auth", OrderType.PHONE_AUTH, "/phone/sign", OrderType.PHONE_SIGN);
  private static final List<String> ENDPOINTS = List.of(
    "/auth", "/sign", "/phone/auth", "/phone/sign", "/collect", "/cancel");

  private final OrderStore orders;
  private final SimulatorCredentials credentials;
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

  RpApi(OrderStore orders, SimulatorCredentials credentials) {
    this.orders = orders;
    this.credentials = credentials;
  }

  /** Requests that got past TLS to this endpoint (e.g. "/collect"); tests count BankID calls with it. */
  int requestCount(String endpoint) {
    AtomicInteger count = requestCounts.get(endpoint);
    return count == null ? 0 : count.get();
  }

  void handle(HttpServerRequest request) {
    String path = request.path();
    String endpoint = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    requestCounts.computeIfAbsent(endpoint, ignored -> new AtomicInteger()).incrementAndGet();
    X509Certificate client = clientCertificate(request);
    if (client == null || !credentials.isRegisteredRp(client)) {
      error(request, new SimulatorException(401, "unauthorized", "The client certificate is not registered"));
      return;
    }
    if (!path.startsWith(PREFIX) || !ENDPOINTS.contains(endpoint)) {
      error(request, new SimulatorException(404, "notFound", "No such resource"));
      return;
    }
    if (request.method() != HttpMethod.POST) {
      error(request, new SimulatorException(405, "methodNotAllowed", "Only POST is allowed"));
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType == null || !contentType.trim().equalsIgnoreCase("application/json")) {
      error(request, new SimulatorException(415, "unsupportedMediaType",
        "Content-Type must be application/json, without parameters"));
      return;
    }
    String rpName = displayName(client);
    request.body().onSuccess(body -> {
      try {
        respond(request, dispatch(endpoint, json(body), rpName));
      } catch (SimulatorException refusal) {
        error(request, refusal);
      } catch (RuntimeException bug) {
        LOG.error("BankID simulator failed on {}", endpoint, bug);
        error(request, new SimulatorException(500, "internalError", "Internal error in the simulator"));
      }
    });
  }

  private JsonObject dispatch(String endpoint, JsonObject body, String rpName) {
    OrderType type = START_ENDPOINTS.get(endpoint);
    if (type != null) {
      Order order = orders.start(RpRequests.start(type, body, rpName));
      JsonObject answer = new JsonObject().put("orderRef", order.orderRef());
      if (!type.phone()) {
        answer.put("autoStartToken", order.autoStartToken())
          .put("qrStartToken", order.qrStartToken())
          .put("qrStartSecret", order.qrStartSecret());
      }
      return answer;
    }
    if (endpoint.equals("/collect")) {
      return orders.collect(RpRequests.orderRef(body)).collectJson();
    }
    orders.cancel(RpRequests.orderRef(body));
    return new JsonObject();
  }

  private static JsonObject json(Buffer body) {
    if (body.length() > MAX_BODY_BYTES) {
      throw SimulatorException.invalidParameters("Request too large");
    }
    try {
      if (Json.decodeValue(body) instanceof JsonObject object) {
        return object;
      }
    } catch (DecodeException e) {
      // falls through: not JSON
    }
    throw SimulatorException.invalidParameters("Invalid JSON");
  }

  /** The certificate's common name, which is what BankID shows the user as the requester. */
  private static String displayName(X509Certificate certificate) {
    String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    try {
      for (Rdn part : new LdapName(subject).getRdns()) {
        if ("CN".equalsIgnoreCase(part.getType())) {
          return String.valueOf(part.getValue());
        }
      }
    } catch (InvalidNameException e) {
      // falls back to the whole subject
    }
    return subject;
  }

  private static X509Certificate clientCertificate(HttpServerRequest request) {
    try {
      List<Certificate> chain = request.connection().peerCertificates();
      return chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate first ? first : null;
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private static void respond(HttpServerRequest request, JsonObject body) {
    request.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }

  private static void error(HttpServerRequest request, SimulatorException refusal) {
    request.response().setStatusCode(refusal.status()).putHeader("Content-Type", "application/json")
      .end(new JsonObject().put("errorCode", refusal.code()).put("details", refusal.getMessage()).toBuffer());
  }
}
