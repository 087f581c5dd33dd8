package org.cabackoffice.acme;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeOrderRepository extends JpaRepository<AcmeOrder, Long> {
  List<AcmeOrder> findByAccountIdOrderByIdAsc(long accountId);

  Optional<AcmeOrder> findFirstByCertificateSerial(String serial);

  /** The auditors' search (issue 15): newest first; an empty status or a "%" domain matches all. */
  @org.springframework.data.jpa.repository.Query(
      "select o from AcmeOrder o where (:status = '' or o.status = :status) and lower(o.dnsNames) like :domain"
          + " and o.createdAt >= :from and o.createdAt < :to order by o.id desc")
  List<AcmeOrder> search(String status, String domain, java.time.Instant from, java.time.Instant to,
      org.springframework.data.domain.Pageable page);
}
