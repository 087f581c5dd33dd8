package org.cabackoffice.application;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks the stored CSR again when the process starts: the policy or the key blocklist may have
 * changed since intake.
 */
@Component
public class CheckCsrDelegate implements JavaDelegate {

  private final CsrRecheck recheck;

  public CheckCsrDelegate(CsrRecheck recheck) {
    this.recheck = recheck;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CsrRecheck.Outcome outcome = recheck.recheck(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.CSR_ACCEPTABLE, outcome.acceptable());
    if (!outcome.acceptable()) {
      execution.setVariable(Variables.REJECTION_CODE, RejectionReason.CSR_REFUSED.name());
      execution.setVariable(Variables.REJECTION_DETAIL, outcome.detail());
    }
  }
}
