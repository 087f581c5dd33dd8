package org.cabackoffice.acme;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's phone call for an order's identity: confirmed (it then waits for the
 * second officer), or not, which ends the order.
 */
@Component
public class AcmeIdentityConfirmationListener implements TaskListener {

  private final AcmeIdentitySteps steps;

  public AcmeIdentityConfirmationListener(AcmeIdentitySteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          String decision = BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_DECISION);
          if (!AcmeOrderVariables.CONFIRMED.equals(decision) && !AcmeOrderVariables.REFUSED.equals(decision)) {
            throw new IllegalArgumentException("answer CONFIRMED or REFUSED");
          }
          steps.called(
              CheckIdentityReuseDelegate.orderId(task.getExecution()),
              BusinessKeys.officer(task),
              new AcmeIdentitySteps.Call(
                  AcmeOrderVariables.CONFIRMED.equals(decision),
                  BusinessKeys.flag(task, AcmeOrderVariables.DIRECTORY_RECORD_CURRENT),
                  BusinessKeys.flag(task, AcmeOrderVariables.INTENT_CONFIRMED),
                  BusinessKeys.text(task, AcmeOrderVariables.SPOKE_WITH),
                  BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_NOTE)));
        });
  }
}
