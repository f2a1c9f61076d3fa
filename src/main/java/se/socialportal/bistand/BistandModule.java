package se.socialportal.bistand;

import io.vertx.ext.web.Router;
import se.socialportal.Services;
import se.socialportal.bistand.attachment.AttachmentRoutes;
import se.socialportal.bistand.attachment.AttachmentService;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.attachment.MultipartReceiver;
import se.socialportal.bistand.cases.CaseRoutes;
import se.socialportal.bistand.cases.CaseService;
import se.socialportal.bistand.cases.DecisionsAndPayments;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.cases.MessageThread;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.bistand.signing.BankIdSigning;
import se.socialportal.bistand.signing.Cosignature;
import se.socialportal.bistand.signing.SignatureOrders;
import se.socialportal.bistand.signing.SigningService;
import se.socialportal.platform.http.RoutesModule;


/**
 * The försörjningsstöd e-tjänst's parts, built from the shared services: what its routes, its verticle and other
 * rooms (casework: komplettering, messages; the order service: signature completion) use.
 */
public final class BistandModule implements RoutesModule {

  private final Services services;
  private final BistandSettings settings;
  private final Notifier notifier;
  private final DraftService drafts;
  private final SigningService signing;
  private final Cosignature cosignature;
  private final AttachmentStore store;
  private final AttachmentService attachments;
  private final MessageThread messages;
  private final Komplettering komplettering;
  private final DecisionsAndPayments decisions;
  private final CaseService cases;

  public BistandModule(Services services) {
    this(services, new BankIdSigning(services.identity().bankIdOrders()));
  }

  /** With another way to start signatures (tests). */
  public BistandModule(Services services, SignatureOrders orders) {
    this.services = services;
    this.settings = BistandSettings.from(services.config());
    var clock = services.clock();
    this.notifier = new OutboxNotifier(clock);
    var pool = services.pool();
    this.drafts = new DraftService(pool, clock, new Eligibility(clock), new ApplicationValidator());
    this.signing = new SigningService(pool, clock, drafts, notifier, settings.cosignDeadline(), orders);
    this.cosignature = new Cosignature(pool, clock, notifier, settings.cosignReminder());
    this.store = new AttachmentStore(services.vertx(), settings.attachmentDir());
    this.attachments = new AttachmentService(pool, clock, store);
    this.messages = new MessageThread(pool, clock, notifier);
    this.komplettering = new Komplettering(pool, clock, notifier);
    this.decisions = new DecisionsAndPayments();
    this.cases = new CaseService(pool, clock, notifier, messages, komplettering, decisions);
  }

  @Override
  public void mount(Router router) {
    var sessions = services.identity().sessions();
    new ApplicationRoutes(sessions, services.pool(), drafts, signing, cosignature).mount(router);
    new AttachmentRoutes(sessions, attachments, new MultipartReceiver(services.vertx(), store.incoming())).mount(router);
    new CaseRoutes(sessions, services.pool(), cases, messages, komplettering, decisions, services.clock())
      .mount(router);
  }

  /** Once per process: completed BankID signatures on applications come to this module's signing service. */
  public void registerSignatureCompletion() {
    new BankIdSigning(services.identity().bankIdOrders()).register(signing);
  }

  public BistandSettings settings() {
    return settings;
  }

  public Notifier notifier() {
    return notifier;
  }

  public DraftService drafts() {
    return drafts;
  }

  public SigningService signing() {
    return signing;
  }

  public Cosignature cosignature() {
    return cosignature;
  }

  public AttachmentStore store() {
    return store;
  }

  public MessageThread messages() {
    return messages;
  }

  public Komplettering komplettering() {
    return komplettering;
  }
}
