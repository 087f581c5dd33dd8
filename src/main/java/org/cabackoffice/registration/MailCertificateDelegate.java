package org.cabackoffice.registration;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class MailCertificateDelegate implements JavaDelegate {

  private final ApplicationIssuance issuance;

  public MailCertificateDelegate(ApplicationIssuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    issuance.mail(
        BusinessKeys.applicationId(execution), (String) execution.getVariable(Variables.CERTIFICATE_SERIAL));
  }
}
