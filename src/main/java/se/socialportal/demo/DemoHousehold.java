package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import se.socialportal.bistand.ApplicationEvent;
import se.socialportal.bistand.ApplicationRepository;
import se.socialportal.bistand.ApplicationStatus;
import se.socialportal.bistand.Eligibility;
import se.socialportal.bistand.cases.Komplettering;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.robot.RobotJobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Demo mode: a household with last month's application, so a re-application (prefilled from last month, changes
 * marked) can be tried at once. Demo Demosson (the BankID simulator's test identity "demo", 199207049843, a
 * Skatteverket test number) is a single parent of one child; last month's application was sent in and the robot has
 * asked for a bank statement (a stickprov). This is seeded history: it carries no BankID signature, and its events
 * say so. Idempotent per month: nothing is added when the household already has an application for last month.
 */
public final class DemoHousehold {

  public static final String DEMO_PERSONNUMMER = "199207049843";

  private DemoHousehold() {
  }

  public static Future<Void> seed(Pool pool, Clock clock, Komplettering komplettering) {
    YearMonth lastMonth = YearMonth.now(clock.withZone(Eligibility.ZONE)).minusMonths(1);
    Instant now = clock.instant();
    return pool.withTransaction(tx -> new PersonRepository(tx)
      .upsertFromLogin(Personnummer.of(DEMO_PERSONNUMMER), "Demo", "Demosson")
      .compose(person -> ApplicationRepository.monthHolder(tx, "demo", person.id(), lastMonth).compose(held -> {
        if (held.isPresent()) {
          return Future.<Void>succeededFuture();
        }
        return ApplicationRepository.insertDraft(tx, "demo", lastMonth, "new", person.id(), null, content(), null, now)
          .compose(row -> ApplicationRepository.claimMonth(tx, "demo", person.id(), lastMonth, row.id())
            .compose(v -> ApplicationRepository.markSubmitted(tx, row, now))
            .compose(v -> ApplicationRepository.record(tx, ApplicationEvent.of(row, "submitted",
              ApplicationStatus.SUBMITTED, ApplicationEvent.Actor.system(),
              new JsonObject().put("version", 1).put("kind", "new").put("demo", true)), now))
            .compose(v -> RobotJobs.enqueue(tx, "demo", row.id(), 1, now))
            .compose(v -> ApplicationRepository.find(tx, row.id()))
            .compose(submitted -> komplettering.request(tx, submitted.orElseThrow(),
              Optional.empty(),
              "Din ansökan har valts ut för stickprov. Skicka kontoutdrag för de senaste tre månaderna.",
              List.of("bankStatements.applicant"), now.plus(Duration.ofDays(14))))
            .mapEmpty());
      })));
  }

  private static JsonObject content() {
    return new JsonObject()
      .put("household", new JsonObject()
        .put("applicant", new JsonObject().put("birthDate", "1992-07-04").put("lunchOutsideHome", false))
        .put("coApplicant", null)
        .put("children", new JsonArray().add(new JsonObject().put("firstName", "Alva").put("birthDate", "2017-05-20")
          .put("livesHere", "full").put("lunchOutsideHome", true)))
        .put("otherAdults", new JsonArray()))
      .put("housing", new JsonObject().put("type", "rental").put("rent", 6950).put("householdElectricity", 320))
      .put("incomes", new JsonArray()
        .add(new JsonObject().put("person", "applicant").put("type", "activitySupport").put("amount", 5400))
        .add(new JsonObject().put("person", "applicant").put("type", "childAllowance").put("amount", 1250))
        .add(new JsonObject().put("person", "applicant").put("type", "housingAllowance").put("amount", 1800)))
      .put("costs", new JsonObject().put("homeInsurance", 145).put("workTravel", 650))
      .put("assets", new JsonArray().add(new JsonObject().put("owner", "applicant").put("type", "bankAccount")
        .put("description", "Lönekonto").put("value", 820)))
      .put("needs", new JsonArray())
      .put("declaration", true);
  }
}
