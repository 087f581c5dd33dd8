package org.cabackoffice.acme;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AcmeContractRepository extends JpaRepository<AcmeContract, Long> {

  List<AcmeContract> findByCustomerAccountIdAndOrganizationEntryIdOrderByEndsOnAscIdAsc(
      long customerAccountId, long organizationEntryId);

  List<AcmeContract> findByCustomerAccountIdOrderByIdAsc(long customerAccountId);

  List<AcmeContract> findAllByOrderByIdAsc();

  /** The virtual accounts unpaid contracts are billed to (bank statement matching). */
  @Query("select distinct c.virtualAccountId from AcmeContract c where c.paidAt is null")
  List<Long> unpaidVirtualAccountIds();

  /** The unpaid contracts billed to a virtual account (bank statement matching). */
  List<AcmeContract> findByVirtualAccountIdAndPaidAtIsNull(long virtualAccountId);

  /**
   * Records the transfer that paid the contract's invoice, unless one is recorded already: two
   * imports (or an import and an officer) paying the same invoice at once record it once.
   *
   * @return 1 when recorded, 0 when it was paid already
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update AcmeContract c set c.paidAt = :at, c.paymentValueDate = :valueDate, c.paymentReference = :reference,"
      + " c.paymentRecordedBy = :recordedBy where c.id = :id and c.paidAt is null")
  int pay(@Param("id") long id, @Param("valueDate") java.time.LocalDate valueDate,
      @Param("reference") String reference, @Param("recordedBy") String recordedBy,
      @Param("at") java.time.Instant at);

  /**
   * Takes {@code units} from the contract if that many are left, in one statement: the row lock
   * the update takes makes concurrent orders queue, each seeing the count the one before left.
   *
   * @return 1 when taken, 0 when not enough were left
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update AcmeContract c set c.used = c.used + :units where c.id = :id and c.used + :units <= c.quantity")
  int consume(@Param("id") long id, @Param("units") int units);

  /** Gives back what a refused order took (CAA or signing refused it after consumption). */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update AcmeContract c set c.used = c.used - :units where c.id = :id and c.used >= :units")
  int giveBack(@Param("id") long id, @Param("units") int units);
}
