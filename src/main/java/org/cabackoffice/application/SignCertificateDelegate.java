package org.cabackoffice.application;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SignCertificateDelegate implements JavaDelegate {

  private final ApplicationIssuance issuance;

  public SignCertificateDelegate(ApplicationIssuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        "certificateSerial", issuance.sign(BusinessKeys.applicationId(execution)));
  }
}
