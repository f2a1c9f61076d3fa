package se.socialportal.familjeratt;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.SessionStore;
import se.socialportal.testing.Browser;
import se.socialportal.testing.ResidentLogins;
import se.socialportal.testing.StaffLogins;
import se.socialportal.testing.TestApp;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What familjerätt's tests share: the app without demo data, a familjerättssekreterare with hours, residents. */
public final class Familjeratt {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final String BASE = "/api/v1/familjeratt";

  private Familjeratt() {
  }

  static TestApp start(String name, JsonObject overrides) {
    return TestApp.start(name, new JsonObject().put("DEMO_DATA", "false").put("LOGIN_RATE_PER_MINUTE", "1000")
      .put("FAMILJERATT_CHECK_SECONDS", "3600").mergeIn(overrides));
  }

  /** A familjerättssekreterare of the demo municipality, logged in. */
  public static StaffLogins.Staff secretary(TestApp app, String subject) {
    return StaffLogins.login(app, subject, "Frida " + subject, "demo", "familjerattssekreterare");
  }

  /** Publishes weekly hours for the staff member; returns the schedule id. */
  public static String hours(StaffLogins.Staff staff, DayOfWeek day, String start, String end, LocalDate from) {
    HttpResponse<Buffer> created = staff.browser().post(BASE + "/staff/schedules", new JsonObject()
      .put("unit", "Familjerätten").put("office", "Familjerätten, Storgatan 1").put("weekday", day.getValue())
      .put("start", start).put("end", end).put("validFrom", from.toString()));
    if (created.statusCode() != 201) {
      throw new AssertionError("hours not published: " + created.bodyAsString());
    }
    return created.bodyAsJsonObject().getString("id");
  }

  static Browser resident(TestApp app, String identity) {
    Browser browser = new Browser(app);
    ResidentLogins.login(browser, identity);
    return browser;
  }

  /** The next given weekday after today (never today), at the wall-clock time in Stockholm. */
  public static Instant next(TestApp app, DayOfWeek day, String time) {
    LocalDate date = app.clock().today().with(TemporalAdjusters.next(day));
    return date.atTime(LocalTime.parse(time)).atZone(STOCKHOLM).toInstant();
  }

  /** A logged-in resident: the session cookie and its CSRF token (sessions made as a BankID login makes them). */
  public record Resident(String token, String csrf) {
  }

  /** {@code count} residents with fictitious personnummer 700101-{firstSerial…}, each with a session. */
  public static List<Resident> residents(TestApp app, int count, int firstSerial) throws Exception {
    SessionStore store = app.services().identity().sessions().store();
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String nine = "700101" + String.format("%03d", firstSerial + i);
      Personnummer number = Personnummer.of("19" + nine + Personnummer.checkDigit(nine));
      PersonRepository.Person person = new PersonRepository(app.services().pool()).ensure(number)
        .await(20, TimeUnit.SECONDS);
      SessionStore.Created created = store.createResident(app.services().pool(), "demo", person.id(), "Förälder " + i)
        .await(20, TimeUnit.SECONDS);
      residents.add(new Resident(created.token(), created.session().csrfToken()));
    }
    return residents;
  }

  /** A booking request as the resident's browser sends it, without waiting for the answer. */
  public static Future<HttpResponse<Buffer>> book(WebClient client, Resident resident, JsonObject body) {
    return client.post(BASE + "/bookings").putHeader("Cookie", "sp_session=" + resident.token())
      .putHeader("X-CSRF-Token", resident.csrf()).putHeader("Content-Type", "application/json")
      .sendBuffer(body.toBuffer());
  }

  static HttpResponse<Buffer> book(Browser browser, JsonObject body) {
    return browser.post(BASE + "/bookings", body);
  }

  /** Confirms a two-parent booking as the other parent: contact details, then BankID through the simulator. */
  static JsonObject confirm(Browser browser, String bookingId, String identity, JsonObject details) {
    HttpResponse<Buffer> prepared = browser.post(BASE + "/bookings/" + bookingId + "/confirm", details);
    if (prepared.statusCode() != 200) {
      throw new AssertionError("confirm refused: " + prepared.statusCode() + " " + prepared.bodyAsString());
    }
    HttpResponse<Buffer> started = browser.post(BASE + "/bookings/" + bookingId + "/confirm/sign?device=same",
      new JsonObject());
    if (started.statusCode() != 201) {
      throw new AssertionError("signing not started: " + started.bodyAsString());
    }
    JsonObject order = started.bodyAsJsonObject();
    ResidentLogins.approve(browser, ResidentLogins.open(browser, order), identity);
    return browser.post(ResidentLogins.collectPath(order), new JsonObject()).bodyAsJsonObject();
  }

  public static long count(TestApp app, String sql, Object... params) {
    try {
      return app.services().pool().preparedQuery(sql).execute(Tuple.from(params))
        .map(rows -> rows.iterator().next().getLong(0)).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static UUID personId(TestApp app, String personnummer) {
    try {
      return new PersonRepository(app.services().pool()).ensure(Personnummer.of(personnummer))
        .map(PersonRepository.Person::id).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A module like the server's, to run a round of background work at a moment the test chooses. */
  static FamiljerattModule module(TestApp app) {
    var services = app.services();
    return new FamiljerattModule(services.vertx(), services.config(), services.clock(), services.pool(),
      services.identity(), services.rules(), services.http());
  }

  static FamiljerattModule.Round round(TestApp app) {
    try {
      return module(app).check().await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
