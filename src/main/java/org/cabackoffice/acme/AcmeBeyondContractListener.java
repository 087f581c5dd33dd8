package org.cabackoffice.acme;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's answer for an order beyond the organization's contract: approved over the
 * contract, or rejected, which ends the order as invalid. Either way with who and why.
 */
@Component
public class AcmeBeyondContractListener implements TaskListener {

  private final AcmeOrders orders;

  public AcmeBeyondContractListener(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          String decision = BusinessKeys.text(task, AcmeOrderVariables.CONTRACT_DECISION);
          if (!AcmeOrderVariables.APPROVED.equals(decision) && !AcmeOrderVariables.REJECTED.equals(decision)) {
            throw new IllegalArgumentException("answer APPROVED or REJECTED");
          }
          String note = BusinessKeys.text(task, AcmeOrderVariables.CONTRACT_NOTE);
          if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("say why: the agreement with the customer, or why not");
          }
          orders.beyondContractAnswered(
              CheckIdentityReuseDelegate.orderId(task.getExecution()),
              BusinessKeys.text(task, AcmeOrderVariables.BEYOND_CONTRACT_REASON),
              BusinessKeys.officer(task),
              AcmeOrderVariables.APPROVED.equals(decision),
              note);
        });
  }
}
