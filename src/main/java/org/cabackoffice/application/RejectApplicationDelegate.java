package org.cabackoffice.application;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every refusal path ends here; the path set {@code rejectionCode}, a step may add detail. */
@Component
public class RejectApplicationDelegate implements JavaDelegate {

  private final Applications applications;

  public RejectApplicationDelegate(Applications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RejectionReason reason = RejectionReason.valueOf((String) execution.getVariable(Variables.REJECTION_CODE));
    Object detail = execution.getVariable(Variables.REJECTION_DETAIL);
    applications.reject(
        BusinessKeys.applicationId(execution), reason, detail == null ? null : detail.toString());
  }
}
