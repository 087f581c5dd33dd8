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
  private ChainBreak seen;
  private List<Long> seenRows = List.of();

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
      breakAt(row.seq(), "inserted", ChainBreak.BEYOND_HEAD, row.seq(), head.lastSeq());
    } else if (row.seq() > expected) {
      breakAt(expected, "removed", ChainBreak.MISSING, expected, row.seq() - 1);
    } else if (row.seq() < expected) {
      breakAt(row.seq(), "inserted", ChainBreak.TWICE, row.seq());
    } else if (!AuditChain.hashOf(row, row.previousHash(), row.seq()).equals(row.hash())) {
      if (row.seq() > 1 && AuditChain.hashOf(row, row.previousHash(), row.seq() - 1).equals(row.hash())) {
        breakAt(row.seq() - 1, "inserted", ChainBreak.SHIFTED, row.seq(), row.seq() - 1);
      } else {
        breakAt(row.seq(), "changed", ChainBreak.CONTENT_CHANGED, row.seq());
      }
    } else if (!row.previousHash().equals(previous)) {
      breakAt(row.seq() - 1, "changed", ChainBreak.REHASHED, row.seq() - 1, row.seq());
    }
  }

  public AuditLogVerification result() {
    long last = expected - 1;
    if (broken == null && last < head.lastSeq()) {
      breakAt(last + 1, "removed", ChainBreak.MISSING, last + 1, head.lastSeq());
    } else if (broken == null && last > 0 && !previous.equals(head.lastHash())) {
      breakAt(last, "changed", ChainBreak.HEAD_DIFFERS, last);
    }
    int verified = 0;
    for (AuditCheckpoint checkpoint : checkpoints) {
      String hash = hashesAtCheckpoints.get(checkpoint.seq());
      if (!checkpoint.verifiesWith(auditKey)) {
        breakAt(checkpoint.seq(), "checkpoint", ChainBreak.CHECKPOINT_SIGNATURE, checkpoint.seq());
      } else if (hash == null) {
        breakAt(checkpoint.seq(), "removed", ChainBreak.CHECKPOINT_ROW_MISSING, checkpoint.seq());
      } else if (!hash.equals(checkpoint.rowHash())) {
        breakAt(checkpoint.seq(), "changed", ChainBreak.CHECKPOINT_DIFFERS, checkpoint.seq());
      } else {
        verified++;
      }
    }
    AuditCheckpoint lastCheckpoint = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    return new AuditLogVerification(
        broken == null, rows, broken, reason, seen == null ? null : seen.english(seenRows), verified, lastCheckpoint, seen, seenRows);
  }

  /** Keeps the earliest break found. */
  private void breakAt(long seq, String why, ChainBreak what, long... at) {
    if (broken == null || seq < broken) {
      broken = seq;
      reason = why;
      seen = what;
      seenRows = java.util.Arrays.stream(at).boxed().toList();
    }
  }
}
