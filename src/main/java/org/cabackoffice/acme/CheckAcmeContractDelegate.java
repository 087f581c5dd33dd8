package org.cabackoffice.acme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes the order from the organization's contract, or tells the officer why it cannot. */
@Component
public class CheckAcmeContractDelegate implements JavaDelegate {

  private final AcmeContracts contracts;

  public CheckAcmeContractDelegate(AcmeContracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AcmeContracts.Coverage coverage = contracts.consume(CheckIdentityReuseDelegate.orderId(execution));
    execution.setVariable(AcmeOrderVariables.WITHIN_CONTRACT, coverage.covered());
    execution.setVariable(AcmeOrderVariables.BEYOND_CONTRACT_REASON, coverage.reason());
  }
}
