package se.socialportal.letters;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The decision_letter and decision_letter_decision tables. */
public final class LetterRepository {

  /** A stored letter without its bytes. */
  public record LetterInfo(UUID id, UUID applicationId, String tenantId, List<UUID> recipientIds, Instant createdAt,
                           String mailboxStatus, Optional<Instant> mailboxAt) {
  }

  private static final String INSERT = "INSERT INTO decision_letter (tenant_id, application_id, decision_set, "
    + "recipient_ids, pdf, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
  private static final String LINK = "INSERT INTO decision_letter_decision (letter_id, decision_id) VALUES ($1, $2)";
  private static final String PDF = "SELECT pdf FROM decision_letter WHERE id = $1 AND tenant_id = $2";
  private static final String INFO = "SELECT id, application_id, tenant_id, recipient_ids, created_at, mailbox_status, "
    + "mailbox_at "
    + "FROM decision_letter ";
  /**
   * A letter with what its delivery needs: the channel the household applied through, the sender's organisation
   * number, and each recipient's personnummer (for the mailbox operator's secured channel only).
   */
  private static final String DELIVERY = "SELECT l.id, l.tenant_id, l.pdf, l.mailbox_status, a.channel, "
    + "t.organisationsnummer, (SELECT json_agg(json_build_object('id', p.id, 'personnummer', p.personnummer) "
    + "ORDER BY array_position(l.recipient_ids, p.id)) FROM person p WHERE p.id = ANY(l.recipient_ids)) AS recipients "
    + "FROM decision_letter l JOIN application a ON a.id = l.application_id JOIN tenant t ON t.id = l.tenant_id ";
  private static final String ONE = DELIVERY + "WHERE l.id = $1 AND l.tenant_id = $2 "
    + "AND l.mailbox_status IN ('pending', 'failed', 'handed_over') FOR UPDATE OF l SKIP LOCKED";
  private static final String PENDING = DELIVERY + "WHERE l.mailbox_status IN ('pending', 'failed', 'handed_over') "
    + "AND l.mailbox_attempts < 20 ORDER BY l.created_at LIMIT 20 FOR UPDATE OF l SKIP LOCKED";
  private static final String STATUS = "UPDATE decision_letter SET mailbox_status = $2, "
    + "mailbox_reference = coalesce($3, mailbox_reference), mailbox_attempts = mailbox_attempts + $4, mailbox_at = $5 "
    + "WHERE id = $1";

  private LetterRepository() {
  }

  public static Future<UUID> insert(SqlClient tx, String tenantId, UUID applicationId, UUID decisionSet,
                                    List<UUID> recipients, byte[] pdf, List<UUID> decisionIds, Instant created) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(tenantId, applicationId, decisionSet,
        recipients.toArray(new UUID[0]), Buffer.buffer(pdf), sha256(pdf)).addValue(OffsetDateTime.ofInstant(created,
        ZoneOffset.UTC)))
      .map(rows -> rows.iterator().next().getUUID("id"))
      .compose(letterId -> tx.preparedQuery(LINK)
        .executeBatch(decisionIds.stream().map(id -> Tuple.of(letterId, id)).toList())
        .map(letterId));
  }

  public static Future<Optional<byte[]>> pdf(SqlClient client, UUID letterId, String tenantId) {
    return client.preparedQuery(PDF).execute(Tuple.of(letterId, tenantId)).map(rows -> rows.size() == 0
      ? Optional.empty() : Optional.of(rows.iterator().next().getBuffer("pdf").getBytes()));
  }

  public static Future<Optional<LetterInfo>> info(SqlClient client, UUID letterId, String tenantId) {
    return client.preparedQuery(INFO + "WHERE id = $1 AND tenant_id = $2").execute(Tuple.of(letterId, tenantId))
      .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(info(rows.iterator().next())));
  }

  public static Future<List<LetterInfo>> forApplication(SqlClient client, UUID applicationId) {
    return client.preparedQuery(INFO + "WHERE application_id = $1 ORDER BY created_at").execute(Tuple.of(applicationId))
      .map(rows -> {
        java.util.ArrayList<LetterInfo> list = new java.util.ArrayList<>();
        rows.forEach(row -> list.add(info(row)));
        return list;
      });
  }

  /** Letters not yet handed to the mailbox, locked for this caller (other instances skip them). */
  public static Future<List<Row>> lockPending(SqlClient tx) {
    return tx.query(PENDING).execute().map(rows -> {
      java.util.ArrayList<Row> list = new java.util.ArrayList<>();
      rows.forEach(list::add);
      return list;
    });
  }

  /** One letter still to be delivered or confirmed, locked for this caller; empty when done or held elsewhere. */
  public static Future<List<Row>> lockOne(SqlClient tx, UUID letterId, String tenantId) {
    return tx.preparedQuery(ONE).execute(Tuple.of(letterId, tenantId)).map(rows -> {
      java.util.ArrayList<Row> list = new java.util.ArrayList<>();
      rows.forEach(list::add);
      return list;
    });
  }

  /**
   * The delivery's new status ('handed_over', 'delivered', 'print', 'failed'); {@code attempt} counts a hand-over
   * attempt (asking for a confirmation is not one).
   */
  public static Future<Void> status(SqlClient client, UUID letterId, String status, String reference, boolean attempt,
                                    Instant at) {
    return client.preparedQuery(STATUS).execute(Tuple.of(letterId, status, reference, attempt ? 1 : 0,
      OffsetDateTime.ofInstant(at, ZoneOffset.UTC))).mapEmpty();
  }

  private static LetterInfo info(Row row) {
    return new LetterInfo(row.getUUID("id"), row.getUUID("application_id"), row.getString("tenant_id"),
      List.of(row.getArrayOfUUIDs("recipient_ids")), row.getOffsetDateTime("created_at").toInstant(),
      row.getString("mailbox_status"),
      Optional.ofNullable(row.getOffsetDateTime("mailbox_at")).map(OffsetDateTime::toInstant));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
