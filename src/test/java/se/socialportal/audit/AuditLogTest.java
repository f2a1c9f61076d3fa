package se.socialportal.audit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.TestClock;
import se.socialportal.testing.TestDatabase;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The audit log is append-only for every database role and outlives what it names")
class AuditLogTest {

  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
      .connectingTo(TestDatabase.fresh("audit").connectOptions()).using(vertx).build();
    pool.query("INSERT INTO tenant (id, name) VALUES ('audit', 'Granskningskommun')").execute().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static AuditEntry systemEntry(String action) {
    return new AuditEntry("audit", AuditEntry.ActorKind.SYSTEM, Optional.empty(), Optional.empty(), action,
      Optional.empty(), Optional.empty(), Optional.of("req-1"), new JsonObject().put("why", "test"));
  }

  @Test
  @DisplayName("rows are written, and neither UPDATE, DELETE nor TRUNCATE can change them (even as superuser)")
  void appendOnly() throws Exception {
    AuditLog.record(pool, systemEntry("report.read"), TestClock.START).await(10, TimeUnit.SECONDS);
    AuditLog.recordAll(pool, List.of(systemEntry("queue.list"), systemEntry("queue.list")), TestClock.START)
      .await(10, TimeUnit.SECONDS);
    assertEquals(3L, pool.query("SELECT count(*) FROM audit_event").execute().await(10, TimeUnit.SECONDS)
      .iterator().next().getLong(0));
    for (String sql : new String[] {"UPDATE audit_event SET action = 'x.y'", "DELETE FROM audit_event",
      "TRUNCATE audit_event"}) {
      Exception refused = assertThrows(Exception.class, () -> pool.query(sql).execute().await(10, TimeUnit.SECONDS));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
    assertEquals(3L, pool.query("SELECT count(*) FROM audit_event").execute().await(10, TimeUnit.SECONDS)
      .iterator().next().getLong(0));
  }

  @Test
  @DisplayName("the log does not hold on to what it names: the person read and the staff member who read can be "
    + "removed, and their rows stay")
  void outlivesWhatItNames() throws Exception {
    UUID person = id("INSERT INTO person (personnummer, given_name, surname) "
      + "VALUES ('199001011234', 'Greta', 'Gallrad') RETURNING id");
    UUID staff = id("INSERT INTO staff_member (tenant_id, subject, name, roles) "
      + "VALUES ('audit', 'gallrad', 'Gunnar Gallrad', ARRAY['handlaggare']) RETURNING id");
    AuditEntry read = new AuditEntry("audit", AuditEntry.ActorKind.STAFF, Optional.of(staff), Optional.empty(),
      "case.read", Optional.of(person), Optional.empty(), Optional.of("req-2"), new JsonObject());
    AuditLog.recordAll(pool, List.of(read, read), TestClock.START).await(10, TimeUnit.SECONDS);

    pool.preparedQuery("DELETE FROM person WHERE id = $1").execute(Tuple.of(person)).await(10, TimeUnit.SECONDS);
    pool.preparedQuery("DELETE FROM staff_member WHERE id = $1").execute(Tuple.of(staff))
      .await(10, TimeUnit.SECONDS);

    assertEquals(2L, pool.preparedQuery("SELECT count(*) FROM audit_event WHERE person_id = $1 AND actor_staff_id = $2")
      .execute(Tuple.of(person, staff)).await(10, TimeUnit.SECONDS).iterator().next().getLong(0));
  }

  private static UUID id(String insert) throws Exception {
    return pool.query(insert).execute().await(10, TimeUnit.SECONDS).iterator().next().getUUID(0);
  }

  @Test
  @DisplayName("a staff entry without the staff member is refused by the table itself")
  void staffEntryNeedsAStaffMember() {
    AuditEntry anonymous = new AuditEntry("audit", AuditEntry.ActorKind.STAFF, Optional.empty(), Optional.empty(),
      "case.read", Optional.empty(), Optional.empty(), Optional.empty(), new JsonObject());
    assertThrows(Exception.class, () -> AuditLog.record(pool, anonymous, TestClock.START).await(10, TimeUnit.SECONDS));
  }
}
