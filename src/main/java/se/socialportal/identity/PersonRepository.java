package se.socialportal.identity;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/**
 * The person table: the only place a personnummer is stored. Everything else refers to the internal id.
 */
public final class PersonRepository {

  /** A person as the rest of the system sees them; the personnummer is masked in {@code toString}. */
  public record Person(UUID id, Personnummer personnummer, String givenName, String surname, Protection protection) {
    public String displayName() {
      return ((givenName == null ? "" : givenName) + " " + (surname == null ? "" : surname)).trim();
    }

    public boolean isProtected() {
      return protection != Protection.NONE;
    }
  }

  /** Skyddad folkbokföring (FOL 16 §) or sekretessmarkering; both keep the person out of the automated path. */
  public enum Protection {
    NONE("none"), SEKRETESSMARKERING("sekretessmarkering"), SKYDDAD_FOLKBOKFORING("skyddad_folkbokforing");

    private final String column;

    Protection(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }

    public static Protection of(String column) {
      for (Protection protection : values()) {
        if (protection.column.equals(column)) {
          return protection;
        }
      }
      throw new IllegalArgumentException("unknown protection " + column);
    }
  }

  private static final String COLUMNS = "id, personnummer, given_name, surname, protection";
  // The name is refreshed from BankID at every login; a protection marking is never lowered by a login.
  private static final String UPSERT = "INSERT INTO person (personnummer, given_name, surname) VALUES ($1, $2, $3) "
    + "ON CONFLICT (personnummer) DO UPDATE SET given_name = EXCLUDED.given_name, surname = EXCLUDED.surname, "
    + "updated_at = now() RETURNING " + COLUMNS;
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM person WHERE id = $1";
  private static final String BY_PERSONNUMMER = "SELECT " + COLUMNS + " FROM person WHERE personnummer = $1";
  private static final String ENSURE = "INSERT INTO person (personnummer) VALUES ($1) "
    + "ON CONFLICT (personnummer) DO UPDATE SET personnummer = EXCLUDED.personnummer RETURNING " + COLUMNS;
  private static final String SET_PROTECTION = "UPDATE person SET protection = $2, updated_at = now() WHERE id = $1";

  private final SqlClient client;

  public PersonRepository(SqlClient client) {
    this.client = client;
  }

  /** The person who just logged in with BankID, created on first login, with the name BankID gave. */
  public Future<Person> upsertFromLogin(Personnummer personnummer, String givenName, String surname) {
    return client.preparedQuery(UPSERT).execute(Tuple.of(personnummer.value(), givenName, surname))
      .map(rows -> map(rows.iterator().next()));
  }

  /** The person with this personnummer, created without a name if unknown (e.g. a co-applicant named by someone). */
  public Future<Person> ensure(Personnummer personnummer) {
    return client.preparedQuery(ENSURE).execute(Tuple.of(personnummer.value()))
      .map(rows -> map(rows.iterator().next()));
  }

  public Future<Optional<Person>> find(UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  public Future<Optional<Person>> find(Personnummer personnummer) {
    return client.preparedQuery(BY_PERSONNUMMER).execute(Tuple.of(personnummer.value())).map(rows -> {
      var it = rows.iterator();
      return it.hasNext() ? Optional.of(map(it.next())) : Optional.empty();
    });
  }

  public Future<Void> setProtection(UUID id, Protection protection) {
    return client.preparedQuery(SET_PROTECTION).execute(Tuple.of(id, protection.column())).mapEmpty();
  }

  private static Person map(Row row) {
    return new Person(row.getUUID("id"), Personnummer.of(row.getString("personnummer")), row.getString("given_name"),
      row.getString("surname"), Protection.of(row.getString("protection")));
  }
}
