package org.cabackoffice.domain;

import org.cabackoffice.calendar.Deadlines;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Guide [3-1]: mail the WHOIS contacts (Registrant, Admin, Tech) for domain-use consent. */
@Component
public class RequestDomainUseConsentDelegate implements JavaDelegate {

  private final DomainUseConsents consents;
  private final Deadlines deadlines;

  public RequestDomainUseConsentDelegate(DomainUseConsents consents, Deadlines deadlines) {
    this.consents = consents;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    consents.requestFromRecord(
        BusinessKeys.applicationId(execution), (String) execution.getVariable(Variables.REGISTRABLE_DOMAIN));
    execution.setVariable(Variables.CONSENT_REMINDER_AT, deadlines.reminder());
    execution.setVariable(Variables.CONSENT_EXPIRES_AT, deadlines.expiry());
  }
}
