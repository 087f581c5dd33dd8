package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's confirmation of the directory match; an answer the rules refuse (no such
 * record, a closed one, an EV check not ticked) keeps the task open with the reason.
 */
@Component
public class OrganizationConfirmationListener implements TaskListener {

  private final OrganizationValidation validation;

  public OrganizationConfirmationListener(OrganizationValidation validation) {
    this.validation = validation;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () ->
            validation.confirm(
                BusinessKeys.applicationId(task),
                BusinessKeys.officer(task),
                BusinessKeys.text(task, Variables.ORGANIZATION_MATCH),
                BusinessKeys.text(task, Variables.ORGANIZATION_NOTE),
                evChecks(task)));
  }

  static OrganizationValidation.EvChecks evChecks(DelegateTask task) {
    return new OrganizationValidation.EvChecks(
        BusinessKeys.flag(task, Variables.LEGAL_EXISTENCE_VERIFIED),
        BusinessKeys.flag(task, Variables.OPERATIONAL_EXISTENCE_VERIFIED),
        BusinessKeys.flag(task, Variables.PHYSICAL_ADDRESS_VERIFIED),
        BusinessKeys.flag(task, Variables.COMMUNICATION_VERIFIED));
  }
}
