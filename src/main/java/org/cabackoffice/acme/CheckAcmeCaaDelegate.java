package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** CAA right before signing, with RFC 8657's parameters for the account and method. */
@Component
public class CheckAcmeCaaDelegate implements JavaDelegate {

  private final AcmeOrders orders;

  public CheckAcmeCaaDelegate(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        AcmeOrderVariables.CAA_PERMITS,
        orders.caaPermits(
            CheckIdentityReuseDelegate.orderId(execution),
            (String) execution.getVariable(AcmeOrderVariables.ACCOUNT_URI)));
  }
}
