package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

public interface BankStatementLineRepository extends Repository<BankStatementLine, Long>, BankStatementLineBatches {

  BankStatementLine save(BankStatementLine line);

  Optional<BankStatementLine> findById(long id);

  Optional<BankStatementLine> findByDepositKey(String depositKey);

  /** An import's lines with an outcome, one of the reasons and into one of the accounts ({@link ContractDeposits}). */
  List<BankStatementLine> findByImportIdAndOutcomeAndReasonInAndAccountNumberInOrderByLineNumberAsc(
      long importId, StatementLineOutcome outcome, Collection<UnmatchedReason> reasons, Collection<String> accountNumbers);

  /** A page of an import's lines of some outcomes in file order (the report, and its paging). */
  List<BankStatementLine> findByImportIdAndOutcomeInAndLineNumberGreaterThanOrderByLineNumberAscIdAsc(
      long importId, Collection<StatementLineOutcome> outcomes, long afterLine, Limit limit);

  /** The counts of an import that stopped before it stored its own. */
  long countByImportIdAndOutcomeIn(long importId, Collection<StatementLineOutcome> outcomes);
}
