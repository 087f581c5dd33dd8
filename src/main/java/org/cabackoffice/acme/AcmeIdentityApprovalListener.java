package org.cabackoffice.acme;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation shows the approver who made the call and what the steps found (the call, the
 * employment certificate and documents with their reviews); on completion records the second officer's
 * decision, refusing it from the officer who made the call (EV Guidelines 5.2.4), as the renewal's
 * approval does.
 */
@Component
public class AcmeIdentityApprovalListener implements TaskListener {

  private final AcmeIdentitySteps steps;

  public AcmeIdentityApprovalListener(AcmeIdentitySteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          long orderId = CheckIdentityReuseDelegate.orderId(task.getExecution());
          if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable(AcmeOrderVariables.VALIDATED_BY, steps.caller(orderId).orElse("-"));
            task.setVariable(AcmeOrderVariables.IDENTITY_EVIDENCE, steps.evidence(orderId));
            return;
          }
          String decision = BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_APPROVAL);
          if (!AcmeOrderVariables.CONFIRMED.equals(decision) && !AcmeOrderVariables.REFUSED.equals(decision)) {
            throw new IllegalArgumentException("answer CONFIRMED or REFUSED");
          }
          steps.decided(
              orderId,
              BusinessKeys.officer(task),
              AcmeOrderVariables.CONFIRMED.equals(decision),
              BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_APPROVAL_NOTE));
        });
  }
}
