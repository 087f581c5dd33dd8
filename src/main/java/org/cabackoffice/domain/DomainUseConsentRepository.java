package org.cabackoffice.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface DomainUseConsentRepository extends Repository<DomainUseConsent, Long> {

  DomainUseConsent save(DomainUseConsent consent);

  Optional<DomainUseConsent> findByToken(String token);

  List<DomainUseConsent> findByApplicationIdAndDomainNameOrderByIdAsc(
      long applicationId, String domainName);

  List<DomainUseConsent> findByApplicationIdAndStatusOrderByIdAsc(
      long applicationId, DomainUseConsent.Status status);
}
