package org.cabackoffice.registration;

import org.cabackoffice.workflow.RenewalProcess.Errors;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.issuance.CaKeyUnavailableException;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.RetryableIncident;
import org.camunda.bpm.engine.delegate.BpmnError;
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
    ApplicationIssuance.Signing signing;
    try {
      signing = issuance.sign(BusinessKeys.applicationId(execution));
    } catch (CaKeyUnavailableException e) {
      // The token, not the application: retried, then an incident operations retry (issue 9).
      throw new RetryableIncident(e.getMessage(), e);
    }
    if (signing.refused()) {
      execution.setVariable(Variables.REJECTION_CODE, signing.refusal().name());
      execution.setVariable(Variables.REJECTION_DETAIL, signing.detail());
      // The model's "Signing refused" boundary event catches it.
      throw new BpmnError(Errors.SIGNING_REFUSED, signing.detail());
    }
    execution.setVariable(Variables.CERTIFICATE_SERIAL, signing.serial());
  }
}
