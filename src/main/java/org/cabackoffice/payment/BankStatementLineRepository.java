package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

public interface BankStatementLineRepository extends Repository<BankStatementLine, Long> {

  BankStatementLine save(BankStatementLine line);

  Optional<BankStatementLine> findById(long id);

  /** A chunk's claimed lines, to record their payments' outcome. */
  List<BankStatementLine> findByIdIn(Collection<Long> ids);

  Optional<BankStatementLine> findByDepositKey(String depositKey);

  /** The lines that stored these deposits first (statement import, a chunk at a time). */
  List<BankStatementLine> findByDepositKeyIn(Collection<String> depositKeys);

  /** An import's lines with an outcome, one of the reasons and into one of the accounts ({@link ContractDeposits}). */
  List<BankStatementLine> findByImportIdAndOutcomeAndReasonInAndAccountNumberInOrderByLineNumberAsc(
      long importId, StatementLineOutcome outcome, Collection<UnmatchedReason> reasons, Collection<String> accountNumbers);

  /** A chunk of lines, in the caller's transaction. */
  <S extends BankStatementLine> List<S> saveAll(Iterable<S> lines);

  /** A page of an import's lines of some outcomes in file order (the report, and its paging). */
  List<BankStatementLine> findByImportIdAndOutcomeInAndLineNumberGreaterThanOrderByLineNumberAscIdAsc(
      long importId, Collection<StatementLineOutcome> outcomes, long afterLine, Limit limit);

  /** The counts of an import that stopped before it stored its own. */
  long countByImportIdAndOutcomeIn(long importId, Collection<StatementLineOutcome> outcomes);
}
