package org.cabackoffice.domain;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class EstablishDomainControlDelegate implements JavaDelegate {

  private final DomainControl domainControl;
  private final String recheckInterval;

  public EstablishDomainControlDelegate(
      DomainControl domainControl,
      @Value("${backoffice.dns.recheck-interval:PT15M}") String recheckInterval) {
    this.domainControl = domainControl;
    this.recheckInterval = recheckInterval;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DomainControl.Decision decision =
        domainControl.establish(
            BusinessKeys.applicationId(execution),
            (String) execution.getVariable(Variables.REGISTRABLE_DOMAIN));
    execution.setVariable(Variables.DOMAIN_CONTROL, decision.name());
    execution.setVariable(Variables.DNS_RECHECK_INTERVAL, recheckInterval);
  }
}
