package org.cabackoffice.domain;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RemindDomainContactsDelegate implements JavaDelegate {

  private final DomainUseConsents consents;

  public RemindDomainContactsDelegate(DomainUseConsents consents) {
    this.consents = consents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    consents.remind(BusinessKeys.applicationId(execution));
  }
}
