package org.cabackoffice.domain;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckCaaDelegate implements JavaDelegate {

  private final CaaBeforeIssuance caa;

  public CheckCaaDelegate(CaaBeforeIssuance caa) {
    this.caa = caa;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaaBeforeIssuance.Outcome outcome = caa.check(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.CAA_PERMITTED, outcome.permitted());
    if (!outcome.permitted()) {
      execution.setVariable(Variables.REJECTION_DETAIL, outcome.detail());
    }
  }
}
