package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import se.socialportal.familjeratt.FreeTimes;
import se.socialportal.familjeratt.NoticeRepository;
import se.socialportal.familjeratt.ScheduleRepository;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.staff.StaffRepository;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A demo installation's familjerätt: the demo familjerättssekreterare's weekly hours (weekday mornings and
 * afternoons) and one Skatteverket notification to follow up. Idempotent: nothing is added twice.
 */
final class FamiljerattDemoData {

  /** The demo staff member whose calendar is filled (the local login page offers them). */
  record Secretary(String tenant, String subject, String name, String email) {
  }

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final String HAS_HOURS = "SELECT count(*) FROM fr_schedule WHERE staff_id = $1";

  private FamiljerattDemoData() {
  }

  static Future<Void> seed(Pool pool, Clock clock, Secretary secretary) {
    LocalDate today = LocalDate.now(clock.withZone(STOCKHOLM));
    return new StaffRepository(pool).recordLogin(secretary.tenant(), secretary.subject(), secretary.name(),
        secretary.email(), List.of("familjerattssekreterare"), clock.instant())
      .compose(staffId -> pool.preparedQuery(HAS_HOURS).execute(Tuple.of(staffId)).compose(rows -> {
        if (rows.iterator().next().getLong(0) > 0) {
          return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY)) {
          for (LocalTime[] hours : new LocalTime[][] {{LocalTime.of(9, 0), LocalTime.of(12, 0)},
            {LocalTime.of(13, 0), LocalTime.of(16, 0)}}) {
            chain = chain.compose(v -> ScheduleRepository.insert(pool, secretary.tenant(), new FreeTimes.Weekly(
              staffId, "Familjerätten", "Familjerätten, Storgatan 1, Demostad", day, hours[0], hours[1], today,
              Optional.empty()), staffId, clock.instant()).mapEmpty());
          }
        }
        // Demo Demosson and Ylva Ungsson had a child three weeks ago and did not confirm the parenthood digitally.
        return chain.compose(v -> pool.withTransaction(tx -> new PersonRepository(tx)
          .ensure(Personnummer.of("200502289861")).compose(birthParent -> new PersonRepository(tx)
            .ensure(Personnummer.of("199207049843")).compose(other -> NoticeRepository.insert(tx, secretary.tenant(),
              today.minusWeeks(3), birthParent.id(), Optional.of(other.id()), "import", Optional.empty(),
              clock.instant()))))).mapEmpty();
      }));
  }
}
