package org.cabackoffice.domain;

import org.cabackoffice.application.ApplicationRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Consent links of a refused application stop working: nothing is left to consent to. */
@Component
public class DomainUseConsentClosure {

  private final DomainUseConsents consents;

  public DomainUseConsentClosure(DomainUseConsents consents) {
    this.consents = consents;
  }

  @EventListener
  public void on(ApplicationRejected rejected) {
    consents.expire(rejected.applicationId());
  }
}
