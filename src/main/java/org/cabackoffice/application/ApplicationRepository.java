package org.cabackoffice.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository
    extends JpaRepository<Application, Long>, JpaSpecificationExecutor<Application> {

  List<Application> findByCustomerAccountIdOrderByIdDesc(long customerAccountId);

  /** Whether an application renews the certificate (serial in stored form) and was not refused. */
  boolean existsByRenewedCertificateSerialAndStatusNot(String serial, ApplicationStatus status);

  @Query("select a.id from Application a where a.dnsNamesRecorded = false order by a.id")
  List<Long> findIdsWithoutDnsNames();
}
