package org.cabackoffice.auditlog;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The log's tables through plain JDBC on the caller's connection, so an append is part of the
 * caller's transaction and the offline verifier needs nothing but a driver.
 *
 * <p>Appends are serialized by locking the single row of {@code audit_chain_head} (SELECT … FOR
 * UPDATE, a row lock on both H2 and PostgreSQL): two nodes appending at once queue there, so seq
 * stays gapless and each row names its true predecessor. The lock is held to the end of the
 * transaction, which is why appends come last in it (TransactionAuditTrail).
 */
public final class AuditLogTable {

  private AuditLogTable() {}

  /** Appends the entries in order; signs a checkpoint whenever seq passes a multiple of {@code checkpointEvery}. */
  public static void append(
      Connection connection, List<AuditEntry> entries, Instant now, AuditKey key, int checkpointEvery)
      throws SQLException {
    if (entries.isEmpty()) {
      return;
    }
    ChainVerification.Head head = lockHead(connection);
    Instant recordedAt = AuditChain.storable(now);
    long seq = head.lastSeq();
    String previous = head.lastHash();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_log (seq, recorded_at, source, kind, subject, actor, details, previous_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry entry : entries) {
        seq++;
        String hash =
            AuditChain.hash(
                previous,
                AuditChain.canonicalForm(
                    seq, recordedAt, entry.source(), entry.kind(), entry.subject(), entry.actor(), entry.details()));
        insert.setLong(1, seq);
        insert.setObject(2, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
        insert.setString(3, entry.source());
        insert.setString(4, entry.kind());
        insert.setString(5, entry.subject());
        insert.setString(6, entry.actor());
        insert.setString(7, entry.details());
        insert.setString(8, previous);
        insert.setString(9, hash);
        insert.addBatch();
        previous = hash;
      }
      insert.executeBatch();
    }
    updateHead(connection, seq, previous);
    if (checkpointEvery > 0 && seq / checkpointEvery > head.lastSeq() / checkpointEvery) {
      insertCheckpoint(connection, key.checkpoint(seq, previous, now));
    }
  }

  /** Signs a checkpoint over the head unless the latest checkpoint already covers it. */
  public static boolean checkpointHead(Connection connection, Instant now, AuditKey key) throws SQLException {
    ChainVerification.Head head = lockHead(connection);
    if (head.lastSeq() == 0) {
      return false;
    }
    try (PreparedStatement latest = connection.prepareStatement("select max(seq) from audit_checkpoint");
        ResultSet result = latest.executeQuery()) {
      result.next();
      long covered = result.getLong(1);
      if (covered >= head.lastSeq()) {
        return false;
      }
    }
    insertCheckpoint(connection, key.checkpoint(head.lastSeq(), head.lastHash(), now));
    return true;
  }

  /** Reads the whole log (rows streamed in seq order) and checks it against the head and checkpoints. */
  public static AuditLogVerification verify(Connection connection, PublicKey auditKey) throws SQLException {
    ChainVerification verification = new ChainVerification(readHead(connection), checkpoints(connection), auditKey);
    try (PreparedStatement rows =
        connection.prepareStatement(
            "select seq, recorded_at, source, kind, subject, actor, details, previous_hash, hash"
                + " from audit_log order by seq")) {
      rows.setFetchSize(500);
      try (ResultSet row = rows.executeQuery()) {
        while (row.next()) {
          verification.accept(
              new AuditRow(
                  row.getLong(1),
                  row.getObject(2, OffsetDateTime.class).toInstant(),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getString(7),
                  row.getString(8),
                  row.getString(9)));
        }
      }
    }
    return verification.result();
  }

  static List<AuditCheckpoint> checkpoints(Connection connection) throws SQLException {
    return checkpoints(connection, "select seq, row_hash, signed_at, signature from audit_checkpoint order by seq");
  }

  /** The latest checkpoint alone (an empty list before the first); its signature is not checked here. */
  static List<AuditCheckpoint> latestCheckpoint(Connection connection) throws SQLException {
    return checkpoints(
        connection,
        "select seq, row_hash, signed_at, signature from audit_checkpoint"
            + " where seq = (select max(seq) from audit_checkpoint)");
  }

  /** The rows the writer says it appended: the chain head's last seq (seq is gapless from 1). */
  static long rowsAtHead(Connection connection) throws SQLException {
    return readHead(connection).lastSeq();
  }

  private static List<AuditCheckpoint> checkpoints(Connection connection, String sql) throws SQLException {
    List<AuditCheckpoint> checkpoints = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        checkpoints.add(
            new AuditCheckpoint(
                row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant(), row.getString(4)));
      }
    }
    return checkpoints;
  }

  private static ChainVerification.Head lockHead(Connection connection) throws SQLException {
    return head(connection, "select last_seq, last_hash from audit_chain_head where id = 1 for update");
  }

  private static ChainVerification.Head readHead(Connection connection) throws SQLException {
    return head(connection, "select last_seq, last_hash from audit_chain_head where id = 1");
  }

  private static ChainVerification.Head head(Connection connection, String sql) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        // Only a tampered database lacks the row V75 inserted; treat it as an empty chain so
        // every row shows up as inserted rather than the verification failing.
        return new ChainVerification.Head(0, AuditChain.GENESIS);
      }
      return new ChainVerification.Head(row.getLong(1), row.getString(2));
    }
  }

  private static void updateHead(Connection connection, long seq, String hash) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
      update.setLong(1, seq);
      update.setString(2, hash);
      update.executeUpdate();
    }
  }

  private static void insertCheckpoint(Connection connection, AuditCheckpoint checkpoint) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into audit_checkpoint (seq, row_hash, signed_at, signature) values (?, ?, ?, ?)")) {
      insert.setLong(1, checkpoint.seq());
      insert.setString(2, checkpoint.rowHash());
      insert.setObject(3, OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC));
      insert.setString(4, checkpoint.signature());
      insert.executeUpdate();
    }
  }
}
