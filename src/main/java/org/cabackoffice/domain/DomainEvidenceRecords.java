package org.cabackoffice.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The domain stage's evidence by application, read for the timeline only. The stage's working
 * repositories answer by token, challenge or domain and have in-memory fakes in its tests; these
 * timeline-only queries live apart so neither grows for a reader it does not serve.
 */
interface DomainEvidenceRecords extends Repository<DomainUseConsent, Long> {

  @Query("select c from DomainUseConsent c where c.applicationId = :applicationId order by c.id")
  List<DomainUseConsent> consentsOf(@Param("applicationId") long applicationId);

  @Query("select e from DnsCheckEvidence e where e.applicationId = :applicationId order by e.id")
  List<DnsCheckEvidence> dnsChecksOf(@Param("applicationId") long applicationId);

  @Query("select e from CaaEvidence e where e.applicationId = :applicationId order by e.id")
  List<CaaEvidence> caaChecksOf(@Param("applicationId") long applicationId);
}
