package org.cabackoffice.acme;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's phone call for an order's identity: confirmed (it then waits for the
 * second officer), the responsible person unreachable (an employment certificate is asked for
 * first, guide [4]), or refused, which ends the order; and whether supporting documents are needed
 * (guide [3-1]).
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
          AcmeIdentitySteps.CallOutcome outcome = outcome(BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_DECISION));
          // Not answered (an API client's completion) reads as not needed, as the form's default.
          String documents = BusinessKeys.text(task, AcmeOrderVariables.DOCUMENTS_REQUIREMENT);
          steps.called(
              CheckIdentityReuseDelegate.orderId(task.getExecution()),
              BusinessKeys.officer(task),
              new AcmeIdentitySteps.Call(
                  outcome,
                  BusinessKeys.flag(task, AcmeOrderVariables.DIRECTORY_RECORD_CURRENT),
                  BusinessKeys.flag(task, AcmeOrderVariables.INTENT_CONFIRMED),
                  BusinessKeys.text(task, AcmeOrderVariables.SPOKE_WITH),
                  BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_NOTE),
                  AcmeOrderVariables.NEEDED.equals(documents),
                  BusinessKeys.text(task, AcmeOrderVariables.DOCUMENTS_NOTE)));
        });
  }

  private static AcmeIdentitySteps.CallOutcome outcome(String decision) {
    try {
      return AcmeIdentitySteps.CallOutcome.valueOf(String.valueOf(decision));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("answer CONFIRMED, UNREACHABLE or REFUSED");
    }
  }
}
