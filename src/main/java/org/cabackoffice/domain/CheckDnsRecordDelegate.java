package org.cabackoffice.domain;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckDnsRecordDelegate implements JavaDelegate {

  private final DomainControl domainControl;

  public CheckDnsRecordDelegate(DomainControl domainControl) {
    this.domainControl = domainControl;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DnsCheckOutcome outcome =
        domainControl.check(
            BusinessKeys.applicationId(execution),
            (String) execution.getVariable(Variables.REGISTRABLE_DOMAIN));
    execution.setVariable(Variables.DNS_RECORD, outcome.status().name());
    execution.setVariable(Variables.DNS_RECORD_REASON, outcome.reason());
    if (outcome.status() == DnsCheckOutcome.Status.EXPIRED) {
      execution.setVariable(Variables.REJECTION_DETAIL, outcome.reason());
    }
  }
}
