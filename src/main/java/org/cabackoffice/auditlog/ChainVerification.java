package org.cabackoffice.auditlog;

import java.security.PublicKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the rows in seq order and names the first break. Seq is part of each row's hashed content
 * and numbers the rows without gaps, so a removal leaves a gap, an insertion in the middle must
 * renumber (its successor then hashes as if one seq lower) and an insertion at the end passes the
 * chain head. A rewrite whose hashes were recomputed all the way down is caught by the signed
 * checkpoints, which an attacker without the audit key cannot move.
 */
public final class ChainVerification {

  /** The chain head as the writer left it: the last seq and its hash. */
  public record Head(long lastSeq, String lastHash) {}

  private final Head head;
  private final List<AuditCheckpoint> checkpoints;
  private final PublicKey auditKey;
  private final Set<Long> checkpointSeqs = new HashSet<>();
  private final Map<Long, String> hashesAtCheckpoints = new HashMap<>();

  private long rows;
  private long expected = 1;
  private String previous = AuditChain.GENESIS;
  private Long broken;
  private String reason;
  private String detail;

  public ChainVerification(Head head, List<AuditCheckpoint> checkpoints, PublicKey auditKey) {
    this.head = head;
    this.checkpoints = checkpoints.stream().sorted(Comparator.comparingLong(AuditCheckpoint::seq)).toList();
    this.auditKey = auditKey;
    this.checkpoints.forEach(checkpoint -> checkpointSeqs.add(checkpoint.seq()));
  }

  public void accept(AuditRow row) {
    rows++;
    if (checkpointSeqs.contains(row.seq())) {
      hashesAtCheckpoints.put(row.seq(), row.hash());
    }
    if (broken == null) {
      check(row);
    }
    previous = row.hash();
    expected = row.seq() + 1;
  }

  private void check(AuditRow row) {
    if (row.seq() > head.lastSeq()) {
      breakAt(row.seq(), "inserted", "row " + row.seq() + " lies beyond the chain head (" + head.lastSeq() + ")");
    } else if (row.seq() > expected) {
      breakAt(expected, "removed", "rows " + expected + " to " + (row.seq() - 1) + " are missing");
    } else if (row.seq() < expected) {
      breakAt(row.seq(), "inserted", "row " + row.seq() + " appears twice");
    } else if (!AuditChain.hashOf(row, row.previousHash(), row.seq()).equals(row.hash())) {
      if (row.seq() > 1 && AuditChain.hashOf(row, row.previousHash(), row.seq() - 1).equals(row.hash())) {
        breakAt(row.seq() - 1, "inserted", "row " + row.seq() + " was row " + (row.seq() - 1) + ": a row was inserted before it");
      } else {
        breakAt(row.seq(), "changed", "row " + row.seq() + "'s content no longer matches its hash");
      }
    } else if (!row.previousHash().equals(previous)) {
      breakAt(
          row.seq() - 1,
          "changed",
          "row " + (row.seq() - 1) + " was rewritten with a new hash; row " + row.seq() + " still names the old one");
    }
  }

  public AuditLogVerification result() {
    long last = expected - 1;
    if (broken == null && last < head.lastSeq()) {
      breakAt(last + 1, "removed", "rows " + (last + 1) + " to " + head.lastSeq() + " are missing");
    } else if (broken == null && last > 0 && !previous.equals(head.lastHash())) {
      breakAt(last, "changed", "row " + last + "'s hash differs from the chain head's");
    }
    int verified = 0;
    for (AuditCheckpoint checkpoint : checkpoints) {
      String hash = hashesAtCheckpoints.get(checkpoint.seq());
      if (!checkpoint.verifiesWith(auditKey)) {
        breakAt(checkpoint.seq(), "checkpoint", "the checkpoint at row " + checkpoint.seq() + " has no valid signature");
      } else if (hash == null) {
        breakAt(checkpoint.seq(), "removed", "row " + checkpoint.seq() + ", signed in a checkpoint, is missing");
      } else if (!hash.equals(checkpoint.rowHash())) {
        breakAt(
            checkpoint.seq(),
            "changed",
            "row " + checkpoint.seq() + " differs from its signed checkpoint: rows up to it were rewritten and rehashed");
      } else {
        verified++;
      }
    }
    AuditCheckpoint lastCheckpoint = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    return new AuditLogVerification(broken == null, rows, broken, reason, detail, verified, lastCheckpoint);
  }

  /** Keeps the earliest break found. */
  private void breakAt(long seq, String why, String what) {
    if (broken == null || seq < broken) {
      broken = seq;
      reason = why;
      detail = what;
    }
  }
}
