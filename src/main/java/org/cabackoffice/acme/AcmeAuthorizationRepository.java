package org.cabackoffice.acme;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeAuthorizationRepository extends JpaRepository<AcmeAuthorization, Long> {
  List<AcmeAuthorization> findByAccountIdAndDnsNameAndStatusOrderByIdDesc(long accountId, String dnsName, String status);
}
