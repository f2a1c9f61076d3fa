package se.socialportal.bankid;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to reach BankID. The base URL, the credentials and the clock are required; the rest has BankID's recommended
 * defaults. {@link #toString()} never shows the certificate password.
 */
public final class BankIdClientOptions {

  /** BankID asks RPs to collect no more often than every two seconds. */
  public static final Duration MINIMUM_COLLECT_INTERVAL = Duration.ofSeconds(2);
  /** At most this many silent retries after {@code maintenance}. */
  public static final int MAXIMUM_MAINTENANCE_RETRIES = 2;

  private final URI baseUrl;
  private final BankIdCredentials credentials;
  private final Clock clock;
  private final Duration collectInterval;
  private final Duration collectCacheMaxAge;
  private final int maintenanceRetries;
  private final Duration maintenanceBackoff;
  private final Duration requestTimeout;
  private final List<String> defaultCertificatePolicies;

  private BankIdClientOptions(Builder builder) {
    this.baseUrl = baseUrl(builder.baseUrl);
    this.credentials = Objects.requireNonNull(builder.credentials, "credentials");
    this.clock = Objects.requireNonNull(builder.clock, "clock");
    if (builder.collectInterval.compareTo(MINIMUM_COLLECT_INTERVAL) < 0) {
      throw new IllegalArgumentException("collectInterval must be at least " + MINIMUM_COLLECT_INTERVAL);
    }
    this.collectInterval = builder.collectInterval;
    this.collectCacheMaxAge = builder.collectCacheMaxAge;
    if (builder.maintenanceRetries < 0 || builder.maintenanceRetries > MAXIMUM_MAINTENANCE_RETRIES) {
      throw new IllegalArgumentException("maintenanceRetries must be 0–" + MAXIMUM_MAINTENANCE_RETRIES);
    }
    this.maintenanceRetries = builder.maintenanceRetries;
    this.maintenanceBackoff = builder.maintenanceBackoff;
    this.requestTimeout = builder.requestTimeout;
    // Validates every policy (throws InvalidRequestException naming requirement.certificatePolicies).
    this.defaultCertificatePolicies = Requirement.builder().certificatePolicies(builder.defaultCertificatePolicies)
      .build().certificatePolicies();
  }

  /**
   * @param baseUrl e.g. {@code https://appapi2.test.bankid.com/rp/v6.0}
   * @param clock   the application's clock: the collect throttle and the QR codes' times follow it
   */
  public static Builder builder(URI baseUrl, BankIdCredentials credentials, Clock clock) {
    return new Builder(baseUrl, credentials, clock);
  }

  private static URI baseUrl(URI url) {
    Objects.requireNonNull(url, "baseUrl");
    if (!"https".equals(url.getScheme()) || url.getHost() == null) {
      throw new IllegalArgumentException("the BankID base URL must be an https URL (mutual TLS), got " + url);
    }
    return URI.create(url.toString().replaceAll("/+$", ""));
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public BankIdCredentials credentials() {
    return credentials;
  }

  public Clock clock() {
    return clock;
  }

  public Duration collectInterval() {
    return collectInterval;
  }

  public Duration collectCacheMaxAge() {
    return collectCacheMaxAge;
  }

  public int maintenanceRetries() {
    return maintenanceRetries;
  }

  public Duration maintenanceBackoff() {
    return maintenanceBackoff;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public List<String> defaultCertificatePolicies() {
    return defaultCertificatePolicies;
  }

  @Override
  public String toString() {
    return "BankIdClientOptions[baseUrl=" + baseUrl + ", credentials=" + credentials + ", collectInterval="
      + collectInterval + ", maintenanceRetries=" + maintenanceRetries + ", requestTimeout=" + requestTimeout
      + ", defaultCertificatePolicies=" + defaultCertificatePolicies + "]";
  }

  public static final class Builder {
    private final URI baseUrl;
    private final BankIdCredentials credentials;
    private final Clock clock;
    private Duration collectInterval = MINIMUM_COLLECT_INTERVAL;
    private Duration collectCacheMaxAge = Duration.ofMinutes(10);
    private int maintenanceRetries = MAXIMUM_MAINTENANCE_RETRIES;
    private Duration maintenanceBackoff = Duration.ofMillis(500);
    private Duration requestTimeout = Duration.ofSeconds(15);
    private final List<String> defaultCertificatePolicies = new ArrayList<>();

    private Builder(URI baseUrl, BankIdCredentials credentials, Clock clock) {
      this.baseUrl = baseUrl;
      this.credentials = credentials;
      this.clock = clock;
    }

    /** At least two seconds. */
    public Builder collectInterval(Duration interval) {
      this.collectInterval = interval;
      return this;
    }

    /** A throttle entry whose order never reached a final state is dropped after this long. */
    public Builder collectCacheMaxAge(Duration maxAge) {
      this.collectCacheMaxAge = maxAge;
      return this;
    }

    /** Silent retries after {@code maintenance}: 0–2. */
    public Builder maintenanceRetries(int retries) {
      this.maintenanceRetries = retries;
      return this;
    }

    /** Wait before the first maintenance retry; the second waits twice as long. */
    public Builder maintenanceBackoff(Duration backoff) {
      this.maintenanceBackoff = backoff;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Sent in every order that does not name its own {@code requirement.certificatePolicies}. */
    public Builder defaultCertificatePolicies(List<String> policies) {
      this.defaultCertificatePolicies.addAll(policies);
      return this;
    }

    public BankIdClientOptions build() {
      return new BankIdClientOptions(this);
    }
  }
}
