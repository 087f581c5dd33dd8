package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Whether the client finalized the order, or it expired waiting (RFC 8555 7.1.6). */
@Component
public class CheckFinalizationDelegate implements JavaDelegate {

  private final AcmeOrders orders;

  public CheckFinalizationDelegate(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        AcmeOrderVariables.FINALIZATION,
        orders.finalization(CheckIdentityReuseDelegate.orderId(execution)).name());
  }
}
