package org.cabackoffice.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Evidence is only added and read: no update or delete (BR 5.4.3 retention). */
public interface RegistrationEvidenceRepository extends Repository<RegistrationEvidence, Long> {

  RegistrationEvidence save(RegistrationEvidence evidence);

  Optional<RegistrationEvidence> findById(Long id);

  List<RegistrationEvidence> findByDomainNameOrderByQueriedAtDesc(String domainName);

  /** The latest lookup that asked a registry about the domain (reuses left out). */
  Optional<RegistrationEvidence> findFirstByDomainNameAndReusedEvidenceIdIsNullOrderByQueriedAtDesc(
      String domainName);
}
