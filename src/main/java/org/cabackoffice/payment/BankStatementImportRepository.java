package org.cabackoffice.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface BankStatementImportRepository extends Repository<BankStatementImport, Long> {

  BankStatementImport save(BankStatementImport statementImport);

  Optional<BankStatementImport> findById(long id);

  /** The newest imports first, a page at a time. */
  List<BankStatementImport> findTop100ByIdLessThanOrderByIdDesc(long id);
}
