package org.cabackoffice.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApplicationRepository
    extends JpaRepository<Application, Long>, JpaSpecificationExecutor<Application> {

  List<Application> findByCustomerAccountIdOrderByIdDesc(long customerAccountId);

  long countByStatus(ApplicationStatus status);

  /** Whether an application renews the certificate (serial in stored form) and was not refused. */
  boolean existsByRenewedCertificateSerialAndStatusNot(String serial, ApplicationStatus status);

  /** Guide [1-2] FAQ: several certificates may share a common name, each its own application. */
  @Query(
      "select a from Application a where lower(a.commonName) = lower(:commonName) and a.id <> :id"
          + " order by a.id")
  List<Application> sameCommonNameAs(@Param("commonName") String commonName, @Param("id") long id);

  @Query("select a.id from Application a where a.dnsNamesRecorded = false order by a.id")
  List<Long> findIdsWithoutDnsNames();
}
