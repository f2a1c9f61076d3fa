package se.socialportal.casework;

import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import se.socialportal.testing.Futures;
import se.socialportal.testing.TestApp;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("The database itself refuses to execute a decision without valid delegation")
class DecisionGuaranteeTest {

  private static TestApp app;
  private static CaseFixtures fixtures;
  private static Pool pool;

  @BeforeAll
  static void start() {
    app = TestApp.start("decisionguarantee");
    pool = app.services().pool();
    fixtures = new CaseFixtures(pool, app.clock());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static UUID decision(CaseFixtures.Case c, boolean valid) {
    return fixtures.one("INSERT INTO decision (tenant_id, application_id, application_version, decision_set, type, "
      + "outcome, amount, delegation_amount, motivering, decided_by_kind, decided_by_name, decided_by_title, "
      + "delegation_valid, delegation_version, delegation_row, delegation_source, delegation_level, decided_at) "
      + "VALUES ('demo', $1, 1, gen_random_uuid(), 'livsforing_ovrigt', 'bifall', 25000, 25000, 'Beviljas.', "
      + "'automated', 'Import', 'Import', $2, $3, $4, $5, $6, $7) RETURNING id",
      Tuple.of(c.applicationId(), valid, valid ? "v" : null, valid ? "r" : null, valid ? "s" : null, valid ? "l" : null)
        .addValue(fixtures.now()))
      .getUUID("id");
  }

  private static void letter(CaseFixtures.Case c, UUID decision) {
    Futures.await(pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO decision_letter (tenant_id, application_id, decision_set, "
        + "recipient_ids, pdf, sha256) VALUES ('demo', $1, gen_random_uuid(), $2, $3, repeat('a', 64)) RETURNING id")
      .execute(Tuple.of(c.applicationId(), new UUID[] {c.personId()}, Buffer.buffer("%PDF")))
      .compose(rows -> decision == null ? io.vertx.core.Future.succeededFuture()
        : tx.preparedQuery("INSERT INTO decision_letter_decision (letter_id, decision_id) VALUES ($1, $2)")
          .execute(Tuple.of(rows.iterator().next().getUUID("id"), decision)).mapEmpty())));
  }

  @Test
  @DisplayName("a letter for a decision whose delegation was not valid is refused by a foreign key")
  void noLetterWithoutDelegation() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Ivar", "Ogiltigsson", "none", List.of());
    UUID invalid = decision(c, false);
    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> letter(c, invalid));
    assertTrue(failure.getMessage().contains("decision_letter_decision_decision_id_delegation_valid_fkey"),
      failure.getMessage());
    assertEquals(0, fixtures.count("SELECT count(*) FROM decision_letter WHERE application_id = $1", c.applicationId()));
    letter(c, decision(c, true));
    assertEquals(1, fixtures.count("SELECT count(*) FROM decision_letter WHERE application_id = $1", c.applicationId()));
  }

  @Test
  @DisplayName("a valid-looking decision must name its delegation; a letter must carry a decision")
  void delegationReferenceRequired() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Vera", "Villkorsson", "none", List.of());
    IllegalStateException unnamed = assertThrows(IllegalStateException.class, () -> fixtures.rows("INSERT INTO decision "
      + "(tenant_id, application_id, application_version, decision_set, type, outcome, amount, delegation_amount, "
      + "motivering, decided_by_kind, decided_by_name, decided_by_title, delegation_valid, decided_at) VALUES ('demo', $1, "
      + "1, gen_random_uuid(), 'forsorjningsstod', 'bifall', 1, 1, 'x', 'automated', 'x', 'x', true, $2)",
      Tuple.of(c.applicationId(), fixtures.now())));
    assertTrue(unnamed.getMessage().contains("check"), unnamed.getMessage());
    IllegalStateException empty = assertThrows(IllegalStateException.class, () -> letter(c, null));
    assertTrue(empty.getMessage().contains("at least one decision"), empty.getMessage());
  }

  @Test
  @DisplayName("decisions cannot be changed or deleted, not even to make one valid")
  void decisionsAreImmutable() {
    CaseFixtures.Case c = fixtures.submitted("demo", "Ulla", "Oföränderlig", "none", List.of());
    UUID invalid = decision(c, false);
    IllegalStateException update = assertThrows(IllegalStateException.class, () -> fixtures.rows("UPDATE decision SET "
      + "delegation_valid = true, delegation_version = 'v', delegation_row = 'r', delegation_source = 's', "
      + "delegation_level = 'l' WHERE id = $1", Tuple.of(invalid)));
    assertTrue(update.getMessage().contains("cannot be changed"), update.getMessage());
    assertThrows(IllegalStateException.class, () -> fixtures.rows("DELETE FROM decision WHERE id = $1", Tuple.of(invalid)));
  }
}
