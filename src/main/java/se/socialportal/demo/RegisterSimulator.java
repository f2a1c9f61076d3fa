package se.socialportal.demo;

import io.vertx.core.Future;
import se.socialportal.robot.registers.Agency;
import se.socialportal.robot.registers.AgencyAnswer;
import se.socialportal.robot.registers.RegisterAdapter;
import se.socialportal.robot.registers.RegisterAnswer;
import se.socialportal.robot.registers.RegisterPayment;
import se.socialportal.robot.registers.RegisterQuery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A SIMULATOR of SSBTEK for demo mode and tests — not a connection to any agency. It answers with fixed, realistic
 * register data for the demo's test identities (bankid.simulator.TestIdentities) and with "no payments anywhere" for
 * everyone else. The amounts are invented; the shape (agency, benefit code, amount per month) is SSBTEK's.
 *
 * <ul>
 *   <li>Tolvan (191212121212): garantipension from Pensionsmyndigheten, bostadstillägg from Försäkringskassan.</li>
 *   <li>Testa (198001019804): a-kassa and registered at Arbetsförmedlingen. The a-kassa reports a month only once the
 *       month has begun (Europe/Stockholm), so an application for next month gets "not yet complete" and the robot
 *       asks again later — Sundsvall polls SSBTEK daily for the same reason
 *       (docs/sources.md#register-data-ssbtek).</li>
 *   <li>Signe (198503159827, skyddad folkbokföring): sjukpenning.</li>
 *   <li>Demo (199207049843): the demo installation's household (bistand.BistandDemoData, a single parent of one
 *       child): aktivitetsstöd 5 400, barnbidrag 1 250 and bostadsbidrag 1 800 from Försäkringskassan — so a
 *       re-application prefilled from last month matches the registers.</li>
 *   <li>Ylva (200502289861): studiemedel from CSN and a part-time salary reported by her employer to Skatteverket.</li>
 * </ul>
 */
public final class RegisterSimulator implements RegisterAdapter {

  private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  private static final String TOLVAN = "191212121212";
  private static final String TESTA = "198001019804";
  private static final String SIGNE = "198503159827";
  private static final String DEMO = "199207049843";
  private static final String YLVA = "200502289861";

  private final Clock clock;

  public RegisterSimulator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public Future<RegisterAnswer> fetch(RegisterQuery query) {
    String pnr = query.personnummer().value();
    List<AgencyAnswer> answers = new ArrayList<>();
    for (Agency agency : Agency.values()) {
      answers.add(answer(agency, pnr, query.month()));
    }
    return Future.succeededFuture(new RegisterAnswer(query.personId(), query.month(), answers));
  }

  private AgencyAnswer answer(Agency agency, String pnr, YearMonth month) {
    switch (agency) {
      case PENSIONSMYNDIGHETEN:
        return TOLVAN.equals(pnr)
          ? complete(agency, pay(agency, "PM:GARANTIPENSION", "pension", "Garantipension", 8_900))
          : none(agency);
      case FORSAKRINGSKASSAN:
        switch (pnr) {
          case TOLVAN:
            return complete(agency, pay(agency, "FK:BOSTADSTILLAGG", "housingAllowance", "Bostadstillägg", 5_200));
          case SIGNE:
            return complete(agency, pay(agency, "FK:SJUKPENNING", "sicknessBenefit", "Sjukpenning", 6_800));
          case DEMO:
            return complete(agency,
              pay(agency, "FK:AKTIVITETSSTOD", "activitySupport", "Aktivitetsstöd", 5_400),
              pay(agency, "FK:BARNBIDRAG", "childAllowance", "Barnbidrag", 1_250),
              pay(agency, "FK:BOSTADSBIDRAG", "housingAllowance", "Bostadsbidrag", 1_800));
          default:
            return none(agency);
        }
      case A_KASSA:
        if (!TESTA.equals(pnr)) {
          return none(agency);
        }
        // The month's payment is known once the month has begun.
        return YearMonth.now(clock.withZone(SWEDEN)).isBefore(month)
          ? AgencyAnswer.notYetComplete(agency)
          : complete(agency, pay(agency, "SO:ARBETSLOSHETSERSATTNING", "unemploymentBenefit",
            "Arbetslöshetsersättning", 11_200));
      case ARBETSFORMEDLINGEN:
        return TESTA.equals(pnr)
          ? AgencyAnswer.complete(agency, List.of(), Map.of("inskriven", "ja", "program", "nej"))
          : AgencyAnswer.complete(agency, List.of(), Map.of("inskriven", "nej"));
      case CSN:
        return YLVA.equals(pnr)
          ? complete(agency, pay(agency, "CSN:STUDIEMEDEL_BIDRAG", "studentAid", "Studiemedel, bidragsdel", 3_564))
          : none(agency);
      case SKATTEVERKET:
        return YLVA.equals(pnr)
          ? complete(agency, pay(agency, "SKV:AGI_LON", "salary", "Lön enligt arbetsgivardeklaration, efter skatt",
            2_300))
          : none(agency);
      case MIGRATIONSVERKET:
        return AgencyAnswer.complete(agency, List.of(), Map.of("ärende", "inget"));
      default:
        throw new IllegalStateException("unknown agency " + agency);
    }
  }

  private static AgencyAnswer complete(Agency agency, RegisterPayment... payments) {
    return AgencyAnswer.complete(agency, List.of(payments), Map.of());
  }

  private static AgencyAnswer none(Agency agency) {
    return AgencyAnswer.complete(agency, List.of(), Map.of());
  }

  private static RegisterPayment pay(Agency agency, String code, String type, String label, long kronor) {
    return new RegisterPayment(agency, code, type, label, BigDecimal.valueOf(kronor).setScale(2));
  }
}
