package org.cabackoffice.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface BankStatementLineRepository extends Repository<BankStatementLine, Long> {

  BankStatementLine save(BankStatementLine line);

  Optional<BankStatementLine> findById(long id);

  Optional<BankStatementLine> findByDepositKey(String depositKey);

  List<BankStatementLine> findByImportIdOrderByLineNumberAscIdAsc(long importId);
}
