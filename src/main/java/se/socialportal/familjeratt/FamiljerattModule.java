package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import se.socialportal.familjeratt.notify.FileMailTransport;
import se.socialportal.familjeratt.notify.FileSmsGateway;
import se.socialportal.familjeratt.notify.MailTransport;
import se.socialportal.familjeratt.notify.SmsGateway;
import se.socialportal.familjeratt.notify.SmtpMailTransport;
import se.socialportal.identity.Identity;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.platform.http.HttpSettings;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The familjerätt e-tjänst's parts, built from the shared clients: its routes (residents and staff), the BankID
 * confirmation of two-parent bookings, and the background work its verticle runs.
 */
public final class FamiljerattModule implements RoutesModule {

  /** What one round of background work did. */
  public record Round(int released, int reminded, int noticesAdvanced, int sent) {
  }

  private final Identity identity;
  private final FamiljerattSettings settings;
  private final Room room;
  private final Bookings bookings;
  private final BookingViews views;
  private final Catalogue catalogue;
  private final Confirmations confirmations;
  private final Notices notices;
  private final StaffDesk desk;
  private final Schedules schedules;
  private final StaffViews staffViews;
  private final Reminders reminders;
  private final NotificationSender sender;

  public FamiljerattModule(Vertx vertx, AppConfig config, Clock clock, Pool pool, Identity identity,
                           Supplier<RuleBook> rules, HttpSettings http) {
    this(vertx, config, clock, pool, identity, rules, http, null);
  }

  /** With another SMS gateway (a municipality's provider, or a test's). */
  public FamiljerattModule(Vertx vertx, AppConfig config, Clock clock, Pool pool, Identity identity,
                           Supplier<RuleBook> rules, HttpSettings http, SmsGateway sms) {
    this.identity = identity;
    this.settings = FamiljerattSettings.from(config);
    this.room = new Room(vertx, pool, clock, rules, new PublishedHours());
    this.views = new BookingViews(room);
    this.bookings = new Bookings(room, views);
    this.catalogue = new Catalogue(room, bookings);
    this.confirmations = new Confirmations(room, bookings, views, identity.bankIdOrders());
    String origin = http.publicUrl().map(Object::toString)
      .orElse((http.tls() ? "https" : "http") + "://localhost:" + http.port());
    this.notices = new Notices(room, origin);
    this.desk = new StaffDesk(room, bookings);
    this.schedules = new Schedules(room);
    this.staffViews = new StaffViews(room);
    this.reminders = new Reminders(room);
    MailTransport mail = settings.smtp().<MailTransport>map(smtp -> new SmtpMailTransport(vertx, smtp,
      settings.mailFrom())).orElseGet(() -> new FileMailTransport(vertx, settings.mailFile(), clock));
    this.sender = new NotificationSender(room, mail, sms == null ? new FileSmsGateway(vertx, settings.smsFile(), clock)
      : sms, origin);
  }

  @Override
  public void mount(Router router) {
    var sessions = identity.sessions();
    new ResidentRoutes(sessions, catalogue, bookings, views, confirmations, identity.bankIdBrowsers()).mount(router);
    new StaffRoutes(sessions, room, catalogue, desk, schedules, staffViews, notices).mount(router);
  }

  public FamiljerattSettings settings() {
    return settings;
  }

  /** Once per process: completed BankID confirmations of bookings come to this module. */
  public void registerSignatureCompletion() {
    confirmations.register();
  }

  /**
   * One round: unconfirmed bookings past their deadline are released, tomorrow's meetings reminded, Skatteverket
   * notifications followed up — each of which may write messages — and then the messages are sent.
   */
  public Future<Round> check() {
    return confirmations.releaseExpired().compose(released -> reminders.run().compose(reminded -> notices.run()
      .compose(advanced -> sender.dispatch().map(sent -> new Round(released, reminded, advanced, sent)))));
  }
}
