package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A statement chunk's lines written and looked up a chunk at a time, in the caller's transaction
 * (issue 12). Through the entity, each line was an insert of its own (the table's identity
 * column lets Hibernate batch nothing) and each claimed line a read and a dirty-checked update;
 * here a chunk is one JDBC batch each way, and the deposit keys stored before are read as pairs,
 * not as entities the transaction then dirty-checks.
 */
interface BankStatementLineBatches {

  /**
   * Inserts the lines in one batch; their ids are not read back (the chunk's later writes find a
   * claimed line by its deposit key).
   *
   * @throws org.springframework.dao.DataIntegrityViolationException when a deposit key is stored
   *     already: the unique constraint refuses the batch, and the caller rolls back its transaction
   */
  void insertAll(List<BankStatementLine> lines);

  /**
   * Writes what recording gave the claimed (MATCHING) lines of an import: outcome, payment,
   * reason and message, each line found by its deposit key.
   */
  void writeOutcomes(long importId, List<BankStatementLine> claimed);

  /** The import that stored each of these deposit keys, for those stored at all. */
  Map<String, Long> importsHolding(Collection<String> depositKeys);
}
