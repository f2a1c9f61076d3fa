package se.socialportal.bistand;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.attachment.AttachmentRoutes;
import se.socialportal.bistand.attachment.AttachmentService;
import se.socialportal.bistand.attachment.AttachmentStore;
import se.socialportal.bistand.attachment.MultipartReceiver;
import se.socialportal.bistand.cases.CaseContact;
import se.socialportal.bistand.cases.CaseRoutes;
import se.socialportal.bistand.cases.CaseService;
import se.socialportal.bistand.cases.DecisionsAndPayments;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.bistand.cases.MessageThread;
import se.socialportal.bistand.notify.Notifier;
import se.socialportal.bistand.notify.OutboxNotifier;
import se.socialportal.bistand.signing.BankIdSigning;
import se.socialportal.bistand.signing.Cosignature;
import se.socialportal.bistand.signing.SigningService;
import se.socialportal.identity.bankid.BankIdBrowsers;
import se.socialportal.identity.bankid.BankIdOrders;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.platform.http.RoutesModule;
import se.socialportal.rules.CurrentRuleBook;

import java.time.Clock;

/**
 * The försörjningsstöd e-tjänst's parts, built once per process by the composition root and shared by every HTTP
 * verticle instance: what its routes, its verticle and other rooms (casework: komplettering, messages, attachments,
 * submission of paper applications; the BankID order service: signature completion) use.
 */
public final class BistandModule implements RoutesModule {

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final SessionAccess sessions;
  private final BankIdOrders bankIdOrders;
  private final BankIdBrowsers bankIdBrowsers;
  private final BistandSettings settings;
  private final ApplicationValidator validator;
  private final Eligibility eligibility;
  private final Notifier notifier;
  private final Submission submission;
  private final DraftService drafts;
  private final SigningService signing;
  private final Cosignature cosignature;
  private final AttachmentStore store;
  private final AttachmentService attachments;
  private final MessageThread messages;
  private final Komplettering komplettering;
  private final DecisionsAndPayments decisions;
  private final CaseService cases;

  /** @param validator the application schema, loaded once on a worker ({@link ApplicationValidator#load}) */
  /** @param queue takes submitted applications on (the robot's job queue) */
  /** @param rules the rule book in force: the municipality's contact details residents see */
  public BistandModule(Vertx vertx, Pool pool, Clock clock, BistandSettings settings, SessionAccess sessions,
                       BankIdOrders bankIdOrders, BankIdBrowsers bankIdBrowsers, ApplicationValidator validator,
                       SubmissionQueue queue, CurrentRuleBook rules) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.sessions = sessions;
    this.bankIdOrders = bankIdOrders;
    this.bankIdBrowsers = bankIdBrowsers;
    this.settings = settings;
    this.validator = validator;
    this.eligibility = new Eligibility(clock);
    this.notifier = new OutboxNotifier(clock);
    this.submission = new Submission(notifier, queue);
    this.drafts = new DraftService(pool, clock, eligibility, validator);
    this.signing = new SigningService(pool, clock, drafts, notifier, submission, settings.cosignDeadline(),
      new BankIdSigning(bankIdOrders));
    this.cosignature = new Cosignature(pool, clock, notifier, settings.cosignReminder());
    this.store = new AttachmentStore(vertx, settings.attachmentDir());
    this.attachments = new AttachmentService(pool, clock, store);
    this.messages = new MessageThread(pool, clock, notifier);
    this.komplettering = new Komplettering(pool, clock, notifier);
    this.decisions = new DecisionsAndPayments(clock);
    this.cases = new CaseService(pool, clock, notifier, messages, komplettering, decisions,
      new CaseContact(rules, clock, settings.decisionDue()));
  }

  @Override
  public void mount(Router router) {
    new ApplicationRoutes(sessions, pool, drafts, signing, cosignature, bankIdBrowsers).mount(router);
    new AttachmentRoutes(sessions, attachments, new MultipartReceiver(vertx, store)).mount(router);
    new CaseRoutes(sessions, pool, cases, messages, komplettering, decisions, clock).mount(router);
  }

  /** Once per process: completed BankID signatures on applications come to this module's signing service. */
  public void registerSignatureCompletion() {
    new BankIdSigning(bankIdOrders).register(signing);
  }

  public BistandSettings settings() {
    return settings;
  }

  public ApplicationValidator validator() {
    return validator;
  }

  public Eligibility eligibility() {
    return eligibility;
  }

  public Notifier notifier() {
    return notifier;
  }

  public Submission submission() {
    return submission;
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
