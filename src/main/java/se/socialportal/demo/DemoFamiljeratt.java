package se.socialportal.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
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
 * afternoons) and one Skatteverket notification to follow up, written through the familjerätt room's repositories.
 * Idempotent: nothing is added twice.
 */
public final class DemoFamiljeratt {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /** The demo staff member whose calendar is filled (the local login page offers them). */
  private static final DemoStaff.Member SECRETARY = DemoStaff.MEMBERS.stream()
    .filter(member -> member.roles().contains("familjerattssekreterare")).findFirst().orElseThrow();

  private DemoFamiljeratt() {
  }

  public static Future<Void> seed(Pool pool, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(STOCKHOLM));
    String tenant = SECRETARY.tenant();
    return new StaffRepository(pool).recordLogin(tenant, SECRETARY.subject(), SECRETARY.name(), SECRETARY.email(),
        SECRETARY.roles(), clock.instant())
      .compose(staffId -> ScheduleRepository.hasHours(pool, staffId).compose(seeded -> {
        if (seeded) {
          return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY)) {
          for (LocalTime[] hours : new LocalTime[][] {{LocalTime.of(9, 0), LocalTime.of(12, 0)},
            {LocalTime.of(13, 0), LocalTime.of(16, 0)}}) {
            chain = chain.compose(v -> ScheduleRepository.insert(pool, tenant, new FreeTimes.Weekly(
              staffId, "Familjerätten", "Familjerätten, Storgatan 1, Demostad", day, hours[0], hours[1], today,
              Optional.empty()), staffId, clock.instant()).mapEmpty());
          }
        }
        // Demo Demosson and Ylva Ungsson had a child three weeks ago and did not confirm the parenthood digitally.
        return chain.compose(v -> pool.withTransaction(tx -> new PersonRepository(tx)
          .ensure(Personnummer.of("200502289861")).compose(birthParent -> new PersonRepository(tx)
            .ensure(Personnummer.of(DemoHousehold.DEMO_PERSONNUMMER)).compose(other -> NoticeRepository.insert(tx,
              tenant, today.minusWeeks(3), birthParent.id(), Optional.of(other.id()), "import", Optional.empty(),
              clock.instant()))))).mapEmpty();
      }));
  }
}
