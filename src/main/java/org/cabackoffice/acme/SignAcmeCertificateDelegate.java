package org.cabackoffice.acme;

import org.cabackoffice.issuance.CaKeyUnavailableException;
import org.cabackoffice.workflow.camunda.RetryableIncident;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lint, CT and signing through the issuance use case; a refusal makes the order invalid. */
@Component
public class SignAcmeCertificateDelegate implements JavaDelegate {

  private final AcmeOrders orders;

  public SignAcmeCertificateDelegate(AcmeOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    try {
      execution.setVariable(AcmeOrderVariables.SIGNED, orders.sign(CheckIdentityReuseDelegate.orderId(execution)));
    } catch (CaKeyUnavailableException e) {
      // The token, not the order: retried, then an incident operations retry (issue 9); the
      // order stays processing meanwhile, as the application waits at signing.
      throw new RetryableIncident(e.getMessage(), e);
    }
  }
}
