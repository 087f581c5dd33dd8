package org.cabackoffice.registration;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SignCertificateDelegate implements JavaDelegate {

  /** The error the model's "Signing refused" boundary event catches. */
  static final String SIGNING_REFUSED = "signing-refused";

  private final ApplicationIssuance issuance;

  public SignCertificateDelegate(ApplicationIssuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationIssuance.Signing signing = issuance.sign(BusinessKeys.applicationId(execution));
    if (signing.refused()) {
      execution.setVariable("rejectionCode", signing.refusal().name());
      execution.setVariable("rejectionDetail", signing.detail());
      throw new BpmnError(SIGNING_REFUSED, signing.detail());
    }
    execution.setVariable("certificateSerial", signing.serial());
  }
}
