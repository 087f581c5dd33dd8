package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An accepted registry certificate: records the organization into the directory with the
 * certificate as its source, and the verification for this application (BR 3.2.2.1).
 */
@Component
public class OrganizationRecordListener implements TaskListener {

  private final OrganizationValidation validation;

  public OrganizationRecordListener(OrganizationValidation validation) {
    this.validation = validation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!"ACCEPTED".equals(BusinessKeys.text(task, Variables.REGISTRY_CERTIFICATE_REVIEW))) {
      return;
    }
    OfficerDecision.record(
        () ->
            validation.recordFromRegistryCertificate(
                BusinessKeys.applicationId(task),
                BusinessKeys.officer(task),
                OrganizationValidation.RegistryDocument.parse(BusinessKeys.text(task, Variables.REGISTRY_DOCUMENT)),
                new OrganizationValidation.RegistryRecord(
                    BusinessKeys.text(task, Variables.REGISTERED_NAME_EN),
                    BusinessKeys.text(task, Variables.REGISTERED_NAME_JA),
                    BusinessKeys.text(task, Variables.REGISTERED_CORPORATE_NUMBER),
                    BusinessKeys.text(task, Variables.REGISTERED_STATE_OR_PROVINCE),
                    BusinessKeys.text(task, Variables.REGISTERED_LOCALITY),
                    BusinessKeys.text(task, Variables.REGISTERED_BUSINESS_CATEGORY),
                    BusinessKeys.text(task, Variables.REGISTERED_MAIN_PHONE)),
                BusinessKeys.text(task, Variables.REGISTRY_CERTIFICATE_NOTE),
                OrganizationConfirmationListener.evChecks(task)));
  }
}
