package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finds the applicant in the directory and puts both sides on the officer's form (BR 3.2.2.1). */
@Component
public class LookUpOrganizationDelegate implements JavaDelegate {

  private final OrganizationValidation validation;

  public LookUpOrganizationDelegate(OrganizationValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OrganizationValidation.Lookup lookup = validation.lookUp(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.ORGANIZATION_LOOKUP, lookup.found().name());
    execution.setVariable(Variables.ORGANIZATION_APPLICANT, lookup.applicant());
    execution.setVariable(Variables.ORGANIZATION_CANDIDATES, lookup.candidatesText());
  }
}
