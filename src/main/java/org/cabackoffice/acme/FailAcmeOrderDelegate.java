package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the order as invalid with the model's reason (a wait that ran out of time). */
@Component
public class FailAcmeOrderDelegate implements JavaDelegate {

  private final AcmeOrders orders;

  public FailAcmeOrderDelegate(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.fail(
        CheckIdentityReuseDelegate.orderId(execution),
        String.valueOf(execution.getVariableLocal(AcmeOrderVariables.FAILURE_REASON)));
  }
}
