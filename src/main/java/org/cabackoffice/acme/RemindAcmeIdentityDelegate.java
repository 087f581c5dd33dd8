package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the validation team of the identity step the order waits at, as the model names it. */
@Component
public class RemindAcmeIdentityDelegate implements JavaDelegate {

  private final AcmeIdentitySteps steps;

  public RemindAcmeIdentityDelegate(AcmeIdentitySteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object waitingFor = execution.getVariableLocal(AcmeOrderVariables.WAITING_FOR);
    steps.remind(CheckIdentityReuseDelegate.orderId(execution),
        waitingFor == null ? execution.getCurrentActivityName() : waitingFor.toString());
  }
}
