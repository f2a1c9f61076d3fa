package se.socialportal.bistand;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import se.socialportal.identity.PersonRepository;
import se.socialportal.identity.Personnummer;
import se.socialportal.identity.session.Session;
import se.socialportal.platform.http.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The co_applicant_naming table: how many different people one resident session has named as co-applicant. Naming
 * the same person again is free; a new one beyond {@link #LIMIT} is refused with 429 whether or not that person is
 * known, so the refusal says nothing about anyone. Counted in the database under a per-resident transaction lock, so
 * the limit holds across server instances and parallel requests.
 */
final class CoApplicantNamings {

  /** Different people one session may name: a couple that mistypes a few times, not a register search. */
  static final int LIMIT = 5;
  // Sessions end within SESSION_MAX_HOURS (at most 72 h); older rows only count towards nothing.
  private static final Duration KEEP = Duration.ofDays(4);
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('co_applicant_naming:' || $1::text))";
  private static final String NAMED = "SELECT named_person_id FROM co_applicant_naming "
    + "WHERE resident_id = $1 AND session_started_at = $2";
  private static final String INSERT = "INSERT INTO co_applicant_naming (resident_id, session_started_at, "
    + "named_person_id, named_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
  private static final String PRUNE = "DELETE FROM co_applicant_naming WHERE resident_id = $1 AND named_at < $2";

  private CoApplicantNamings() {
  }

  /**
   * In the caller's transaction: the person with this personnummer (created without a name if unknown), once the
   * session may name them; fails with 429 {@code co_applicant_limit} otherwise.
   */
  static Future<PersonRepository.Person> name(SqlClient tx, Session session, Personnummer personnummer, Instant now) {
    UUID resident = session.residentId();
    OffsetDateTime started = utc(session.createdAt());
    PersonRepository persons = new PersonRepository(tx);
    return tx.preparedQuery(LOCK).execute(Tuple.of(resident.toString()))
      .compose(locked -> tx.preparedQuery(NAMED).execute(Tuple.of(resident, started)))
      .compose(rows -> {
        Set<UUID> named = new HashSet<>();
        rows.forEach(row -> named.add(row.getUUID(0)));
        return persons.find(personnummer).compose(known -> {
          boolean again = known.map(PersonRepository.Person::id).filter(named::contains).isPresent();
          if (!again && named.size() >= LIMIT) {
            return Future.failedFuture(ApiException.of(429, "co_applicant_limit", LIMIT));
          }
          return known.map(Future::succeededFuture).orElseGet(() -> persons.ensure(personnummer));
        });
      })
      .compose(person -> person.id().equals(resident) ? Future.succeededFuture(person)
        : tx.preparedQuery(INSERT).execute(Tuple.of(resident, started, person.id(), utc(now)))
          .compose(v -> tx.preparedQuery(PRUNE).execute(Tuple.of(resident, utc(now.minus(KEEP)))))
          .map(person));
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
