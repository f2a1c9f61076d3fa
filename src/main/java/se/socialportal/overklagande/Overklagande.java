package se.socialportal.overklagande;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.attachment.MultipartReceiver;
import se.socialportal.casework.decision.Omprovning;
import se.socialportal.identity.Identity;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The appeal room's long-lived parts, built once per process by the composition root: the resident's and the staff's
 * services, the BankID completion of appeal signatures (registered here, once), and the HTTP module.
 *
 * @param court where forwarded appeals go: the file outbox simulator unless an integration is configured
 */
public final class Overklagande {

  private final AppealRoutes routes;

  public Overklagande(Vertx vertx, Pool pool, Clock clock, Identity identity, Supplier<RuleBook> rules,
                      AttachmentStore store, Omprovning omprovning, CourtForwarding court) {
    ResidentAppeals residents = new ResidentAppeals(pool, clock, store);
    AppealSigning signing = new AppealSigning(pool, identity.bankIdOrders(), rules);
    signing.register();
    StaffAppeals staff = new StaffAppeals(vertx, pool, clock, omprovning, store, court);
    this.routes = new AppealRoutes(identity.sessions(), identity.bankIdBrowsers(), residents, signing, staff,
      new MultipartReceiver(vertx, store));
  }

  public RoutesModule routes() {
    return routes;
  }
}
