package se.socialportal.casework.decision;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.casework.CaseAccess;
import se.socialportal.casework.CaseHeader;
import se.socialportal.casework.calc.Calculation;
import se.socialportal.letters.Expediering;
import se.socialportal.casework.delegation.CaseworkRules;
import se.socialportal.robot.DecisionFunction;
import se.socialportal.rules.delegation.DecisionType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The decision the robot takes itself where the nämnd has delegated a group of cases to an automated decision function
 * (KL 6 kap. 37 §). It is a decision like any other (FL 31 §): a decision row with what, when, "automated" and the
 * rule versions, resting on the tenant's automation rule as its delegation, and a letter on Mina sidor with the same
 * content, motivering and appeal instructions as a handläggare's. Written inside the robot's proposal transaction,
 * so a proposal marked decided without its decision and letter cannot exist. The robot reaches it as its
 * {@link DecisionFunction}.
 */
public final class AutomatedDecision implements DecisionFunction {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

  private final Expediering expediering;
  private final Clock clock;

  private final CaseworkRules rules;

  public AutomatedDecision(Expediering expediering, Clock clock, CaseworkRules rules) {
    this.expediering = expediering;
    this.clock = clock;
    this.rules = rules;
  }

  @Override
  public Future<Taken> take(SqlClient tx, Proposal proposal, Rule rule) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(STOCKHOLM).toLocalDate();
    UUID decisionSet = UUID.randomUUID();
    return CaseAccess.forAutomatedDecision(tx, proposal.tenantId(), proposal.applicationId()).compose(header -> {
      List<DecisionPart> parts = DecisionPlan.cite(parts(proposal), rules.lagrum(today));
      return DecisionRecorder.recordAutomated(tx, header, proposal.id(), decisionSet, parts, rule,
          proposal.ruleVersions(), now)
        .compose(ids -> Komplettering.cancelOpen(tx, header.id())
          .compose(v -> SetLetter.publish(tx, expediering, header, decisionSet, today))
          .map(letter -> new Taken(decisionSet, ids, letter)));
    });
  }

  /**
   * The parts exactly as a handläggare's approval of the unchanged proposal would make them. The automation rule only
   * ever covers försörjningsstöd (a need goes to a person), so anything else here is a bug, not a decision.
   */
  static List<DecisionPart> parts(Proposal proposal) {
    List<DecisionPart> parts = DecisionPlan.approve(Calculation.fromProposal(proposal.calculation()), proposal.outcome(),
      proposal.motivering(), proposal.legalBasis(), null);
    if (parts.size() != 1 || parts.get(0).type() != DecisionType.FORSORJNINGSSTOD) {
      throw new IllegalStateException("the automated decision function decides försörjningsstöd only");
    }
    return parts;
  }

  /** "riksnorm riksnorm-2025, prisbasbelopp pbb-2025, ...": every rule version, in a stable order. */
  static String readable(JsonObject ruleVersions) {
    Map<String, Object> sorted = new TreeMap<>(ruleVersions.getMap());
    return sorted.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
      .collect(Collectors.joining(", "));
  }

  /** After commit: the letter goes to the digital mailbox (a failure is retried by ExpedieringVerticle). */
  @Override
  public Future<Boolean> deliver(Taken taken, String tenantId) {
    return expediering.deliver(taken.letterId(), tenantId).transform(done -> Future.succeededFuture(done.succeeded()));
  }
}
