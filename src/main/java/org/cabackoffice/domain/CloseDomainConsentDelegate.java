package org.cabackoffice.domain;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CloseDomainConsentDelegate implements JavaDelegate {

  private final DomainUseConsents consents;

  public CloseDomainConsentDelegate(DomainUseConsents consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    consents.expire(BusinessKeys.applicationId(execution));
  }
}
