package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface InvoiceRepository extends Repository<Invoice, Long> {

  Optional<Invoice> findByApplicationId(long applicationId);

  /**
   * Takes the application's invoice row lock for the rest of the caller's transaction, which must
   * be read-write (PostgreSQL refuses FOR UPDATE in a read-only one); returns the status as stored.
   */
  @Query(value = "select status from invoice where application_id = :applicationId for update", nativeQuery = true)
  Optional<String> lockByApplicationId(@Param("applicationId") long applicationId);

  /** The invoices of many applications: a statement chunk's matched deposits, read in one query. */
  List<Invoice> findByApplicationIdIn(Collection<Long> applicationIds);

  Invoice save(Invoice invoice);

  /** The invoices of a virtual account in a status, oldest first (statement matching). */
  List<Invoice> findByVirtualAccountIdAndStatusOrderByIssuedAtAscIdAsc(
      long virtualAccountId, InvoiceStatus status);

  /** The invoices of many virtual accounts in a status (statement matching, a chunk at a time). */
  List<Invoice> findByVirtualAccountIdInAndStatus(Collection<Long> virtualAccountIds, InvoiceStatus status);
}
