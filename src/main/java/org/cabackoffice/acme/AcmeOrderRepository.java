package org.cabackoffice.acme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeOrderRepository extends JpaRepository<AcmeOrder, Long> {
  List<AcmeOrder> findByAccountIdOrderByIdAsc(long accountId);

  Optional<AcmeOrder> findFirstByCertificateSerial(String serial);

  /**
   * The order's status as committed, its row locked until the transaction ends: the process's
   * look at the order and a finalize queue on the row, so a look that finds the order still
   * pending commits its wait before the finalize looks for a waiting process
   * ({@link AcmeOrders#finalization}). Native, so neither the persistence context's copy of the
   * order nor a scalar lock the JPA provider might ignore stands in for the row.
   */
  // Mandatory: a lock is held for the caller's transaction, never taken and dropped by a read-only
  // one of its own (PostgreSQL refuses FOR UPDATE there).
  @org.springframework.transaction.annotation.Transactional(
      propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  @org.springframework.data.jpa.repository.Query(
      value = "select status from acme_order where id = :id for update", nativeQuery = true)
  Optional<String> lockedStatus(long id);

  /** The auditors' search (issue 15): newest first; an empty status or a "%" domain matches all. */
  @org.springframework.data.jpa.repository.Query(
      "select o from AcmeOrder o where (:status = '' or o.status = :status) and lower(o.dnsNames) like :domain"
          + " and o.createdAt >= :from and o.createdAt < :to order by o.id desc")
  List<AcmeOrder> search(String status, String domain, java.time.Instant from, java.time.Instant to,
      org.springframework.data.domain.Pageable page);
}
