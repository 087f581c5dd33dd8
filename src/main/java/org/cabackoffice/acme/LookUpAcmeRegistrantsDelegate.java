package org.cabackoffice.acme;

import org.cabackoffice.domain.RegistryUnavailableException;
import org.cabackoffice.workflow.camunda.RetryableIncident;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks up the registrants of the order's registrable domains for the officers' forms. A registry
 * that does not answer leaves the step to its retries and then an incident that says which order
 * and why; operations retry it once the registry answers.
 */
@Component
public class LookUpAcmeRegistrantsDelegate implements JavaDelegate {

  private final AcmeRegistrants registrants;

  public LookUpAcmeRegistrantsDelegate(AcmeRegistrants registrants) {
    this.registrants = registrants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long orderId = CheckIdentityReuseDelegate.orderId(execution);
    try {
      execution.setVariable(AcmeOrderVariables.REGISTRANT_EVIDENCE, registrants.lookUp(orderId));
    } catch (RegistryUnavailableException e) {
      throw new RetryableIncident(
          "registrant look-up for ACME order " + orderId + " failed: " + e.getMessage() + "; retry once the registry answers", e);
    }
  }
}
