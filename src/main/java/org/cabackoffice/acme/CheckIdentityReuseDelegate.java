package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Whether the organization's validation may be reused for this order (BR 4.2.1). */
@Component
public class CheckIdentityReuseDelegate implements JavaDelegate {

  private final AcmeOrders orders;

  public CheckIdentityReuseDelegate(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long orderId = orderId(execution);
    execution.setVariable(AcmeOrderVariables.IDENTITY_CURRENT, orders.identityCurrent(orderId));
    AcmeOrder order = orders.byId(orderId).orElseThrow();
    execution.setVariable(AcmeOrderVariables.IDENTITY_BASIS, order.getIdentityBasis());
    execution.setVariable(AcmeOrderVariables.DNS_NAMES, String.join(", ", order.getDnsNames()));
    execution.setVariable(AcmeOrderVariables.ORGANIZATION, orders.organizationText(order));
  }

  static long orderId(DelegateExecution execution) {
    return AcmeOrderVariables.orderId(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("not an ACME order's process: " + execution.getProcessBusinessKey()));
  }
}
