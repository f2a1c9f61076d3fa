package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.platform.http.ApiException;
import se.socialportal.rules.FamiljerattRules;
import se.socialportal.rules.RuleBook;
import se.socialportal.rules.TenantDetails;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every part of the room shares: Vert.x (for blocking work), the pool, the clock, the rules in force and the
 * staff's published hours as this server last read them.
 */
record Room(Vertx vertx, Pool pool, Clock clock, Supplier<RuleBook> rules, PublishedHours hours) {

  /** A PDF or other blocking work, off the event loop. */
  Future<byte[]> pdf(FamiljerattPdf.Content content) {
    return vertx.executeBlocking(() -> FamiljerattPdf.write(content), false);
  }

  Instant now() {
    return clock.instant();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), Calendar.ZONE);
  }

  /** The tenant's familjerätt rules today; a tenant without them offers nothing (404). */
  FamiljerattRules familjeratt(String tenantId) {
    return rules.get().familjeratt(tenantId, today())
      .orElseThrow(() -> ApiException.of(404, "familjeratt_not_offered"));
  }

  Optional<FamiljerattRules> familjerattIfOffered(String tenantId) {
    return rules.get().familjeratt(tenantId, today());
  }

  FamiljerattRules.Service service(String tenantId, String serviceId) {
    return familjeratt(tenantId).service(serviceId).orElseThrow(ApiException::notFound);
  }

  /** The municipality's name and contact details as its pages and letters show them. */
  Optional<TenantDetails> tenant(String tenantId) {
    return rules.get().tenantDetails(YearMonth.from(today())).stream()
      .filter(details -> details.id().equals(tenantId)).findFirst();
  }
}
