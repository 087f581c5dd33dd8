package org.cabackoffice.acme;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's answer to the identity step of an order: the organization confirmed
 * (the guide's phone call through the main number), or not, which ends the order.
 */
@Component
public class AcmeIdentityConfirmationListener implements TaskListener {

  private final AcmeOrders orders;

  public AcmeIdentityConfirmationListener(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          String decision = BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_DECISION);
          if (!AcmeOrderVariables.CONFIRMED.equals(decision) && !AcmeOrderVariables.REFUSED.equals(decision)) {
            throw new IllegalArgumentException("answer CONFIRMED or REFUSED");
          }
          String note = BusinessKeys.text(task, AcmeOrderVariables.IDENTITY_NOTE);
          if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note whom you called at the main number and what they said");
          }
          orders.identityAnswered(
              CheckIdentityReuseDelegate.orderId(task.getExecution()),
              BusinessKeys.officer(task),
              AcmeOrderVariables.CONFIRMED.equals(decision),
              note);
        });
  }
}
