package org.cabackoffice.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A list-backed consent repository for unit tests; unique constraints checked as in V3. */
final class InMemoryDomainUseConsents implements DomainUseConsentRepository {

  final List<DomainUseConsent> saved = new ArrayList<>();

  @Override
  public DomainUseConsent save(DomainUseConsent consent) {
    if (consent.getId() == null) {
      for (DomainUseConsent c : saved) {
        if (c.getToken().equals(consent.getToken())
            || (c.getApplicationId() == consent.getApplicationId()
                && c.getDomainName().equals(consent.getDomainName())
                && c.getEmail().equals(consent.getEmail()))) {
          throw new IllegalStateException("unique constraint violated by " + consent.getEmail());
        }
      }
      InMemoryRegistrationEvidence.assignId(consent, saved.size() + 1L);
      saved.add(consent);
    }
    return consent;
  }

  @Override
  public Optional<DomainUseConsent> findByToken(String token) {
    return saved.stream().filter(c -> c.getToken().equals(token)).findFirst();
  }

  @Override
  public List<DomainUseConsent> findByApplicationIdAndDomainNameOrderByIdAsc(
      long applicationId, String domainName) {
    return saved.stream()
        .filter(c -> c.getApplicationId() == applicationId && c.getDomainName().equals(domainName))
        .toList();
  }

  @Override
  public List<DomainUseConsent> findByApplicationIdAndStatusOrderByIdAsc(
      long applicationId, DomainUseConsent.Status status) {
    return saved.stream()
        .filter(c -> c.getApplicationId() == applicationId && c.getStatus() == status)
        .toList();
  }
}
