package se.socialportal.casework;

import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.BistandModule;
import se.socialportal.casework.calc.NormRecalculation;
import se.socialportal.casework.calc.Recalculation;
import se.socialportal.casework.decision.AterkravService;
import se.socialportal.casework.decision.AutomatedDecision;
import se.socialportal.casework.decision.DecisionService;
import se.socialportal.casework.decision.Omprovning;
import se.socialportal.casework.decision.ReferralDecisions;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.identity.session.SessionAccess;
import se.socialportal.letters.Expediering;
import se.socialportal.platform.config.AppConfig;
import se.socialportal.robot.CalculationOnRequest;
import se.socialportal.platform.config.Setting;
import se.socialportal.rules.RuleBook;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Casework's long-lived parts, built once per process by the composition root and shared by every HTTP verticle
 * instance: its view of the rule book (delegation matrices and motivering templates from robots/), how adjusted
 * calculations are recomputed, the services behind the handläggare's API, and the automated decision function the
 * robot decides through, and omprövning (a changed decision, asked for by an appeal).
 */
public record Casework(CaseworkRules rules, Recalculation recalculation, QueueQuery queue, CaseView view,
                       CaseActions actions, DecisionService decisions, AterkravService aterkrav, StaffDirectory staff,
                       CaseCommunication communication, PaperRegistration registration, CaseLetters letters,
                       AutomatedDecision automatedDecision, ManualCalculation calculation,
                       ReferralDecisions referrals, AccessRefusals refusals, Omprovning omprovning) {

  /**
   * @param bistand     the e-tjänst's parts casework works through (komplettering, messages, attachments, submission)
   * @param expediering publishes and hands over every decision's letter
   * @param robot       the robot's calculation, for a case it left without a proposal
   */
  public static Casework create(AppConfig config, Pool pool, Clock clock, Supplier<RuleBook> book,
                                BistandModule bistand, Expediering expediering, CalculationOnRequest robot) {
    Duration dueAfter = Duration.ofDays(config.integer(Setting.CASEWORK_DUE_DAYS, 1, 60));
    CaseworkRules rules = new CaseworkRules(book);
    Recalculation recalculation = new NormRecalculation(book);
    CaseCommunication communication = new CaseCommunication(pool, clock, bistand.komplettering(), bistand.messages(),
      bistand.store());
    DecisionService decisions = new DecisionService(pool, clock, rules, recalculation, expediering);
    return new Casework(rules, recalculation, new QueueQuery(pool, clock, dueAfter),
      new CaseView(pool, clock, rules, recalculation, communication), new CaseActions(pool, clock), decisions,
      new AterkravService(pool, clock, rules, decisions), new StaffDirectory(pool, clock), communication,
      new PaperRegistration(pool, clock, bistand.eligibility(), bistand.validator(), bistand.submission()),
      new CaseLetters(pool, clock), new AutomatedDecision(expediering, clock, rules),
      new ManualCalculation(pool, clock, robot), new ReferralDecisions(pool, clock, rules, decisions),
      new AccessRefusals(pool, clock), new Omprovning(pool, clock, rules, decisions));
  }

  /** The handläggare's API. */
  public CaseworkRoutes routes(SessionAccess sessions, Clock clock) {
    return new CaseworkRoutes(sessions, queue, view, actions, decisions, aterkrav, staff, communication, registration,
      letters, this, clock, refusals);
  }
}
