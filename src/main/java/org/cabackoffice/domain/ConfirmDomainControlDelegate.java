package org.cabackoffice.domain;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ConfirmDomainControlDelegate implements JavaDelegate {

  private final DomainControl domainControl;

  public ConfirmDomainControlDelegate(DomainControl domainControl) {
    this.domainControl = domainControl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    domainControl.confirm(
        BusinessKeys.applicationId(execution), (String) execution.getVariable("registrableDomain"));
  }
}
