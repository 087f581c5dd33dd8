package org.cabackoffice.auditlog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a verification.
 *
 * @param intact whether every row, the chain head and every checkpoint agree
 * @param rows rows read
 * @param firstBrokenRow the seq of the first row changed, removed or inserted; null when intact
 * @param reason {@code changed}, {@code removed}, {@code inserted} or {@code checkpoint} (a
 *     checkpoint whose signature does not verify); null when intact
 * @param detail what was seen, for a person
 * @param checkpoints checkpoints whose signature and row hash were verified
 * @param lastCheckpoint the latest checkpoint, for checking with openssl; null before the first
 * @param chainBreak what {@code detail} says, for saying it in another language; null when intact
 *     (not in the API's answer, whose {@code detail} says it)
 * @param chainBreakRows the rows {@code chainBreak} names, in its order
 */
// firstBrokenRow and reason are in the answer even when null: the contract names them (DESIGN.md).
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditLogVerification(
    boolean intact,
    long rows,
    Long firstBrokenRow,
    String reason,
    String detail,
    int checkpoints,
    AuditCheckpoint lastCheckpoint,
    @JsonIgnore ChainBreak chainBreak,
    @JsonIgnore List<Long> chainBreakRows) {

  public AuditLogVerification {
    chainBreakRows = chainBreakRows == null ? List.of() : List.copyOf(chainBreakRows);
  }
}
