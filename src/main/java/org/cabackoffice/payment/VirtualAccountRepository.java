package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Only the queries the payment package needs, so tests can fake it in a few lines. */
public interface VirtualAccountRepository extends Repository<VirtualAccount, Long> {

  Optional<VirtualAccount> findByCustomerAccountId(long customerAccountId);

  Optional<VirtualAccount> findById(long id);

  /** The account a transfer arrived on, for matching bank statements. */
  Optional<VirtualAccount> findByAccountNumber(String accountNumber);

  /** The accounts among these numbers (statement matching, a chunk at a time). */
  List<VirtualAccount> findByAccountNumberIn(Collection<String> accountNumbers);

  VirtualAccount save(VirtualAccount account);

  /**
   * The next six-digit account serial. The sequence stops at 999999 instead of cycling, so
   * running out fails loudly rather than handing out a number twice. {@code nextval('…')} runs
   * on PostgreSQL and on H2 2.x alike.
   */
  @Query(value = "select nextval('virtual_account_number_seq')", nativeQuery = true)
  long nextAccountSerial();
}
