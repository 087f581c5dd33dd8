package org.cabackoffice.domain;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class LookUpDomainRegistrantDelegate implements JavaDelegate {

  private final DomainAssessment assessment;

  public LookUpDomainRegistrantDelegate(DomainAssessment assessment) {
    this.assessment = assessment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DomainAssessment.Result result = assessment.assess(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.DOMAIN_OUTCOME, result.outcome().name());
    execution.setVariable(Variables.REGISTRABLE_DOMAIN, result.registrableDomain());
    execution.setVariable(Variables.WHOIS_CONTACTS, String.join(",", result.contactEmails()));
    execution.setVariable(Variables.REGISTRANT_ORGANIZATION, result.registrantOrganization());
    // Shown read-only in the compare-registrant-name form.
    execution.setVariable(
        Variables.REGISTRATION_FINDING,
        result.registrationFinding() == null ? "None / なし" : result.registrationFinding());
    // The process history then names the stored registry answer the decision used (BR 5.4.1).
    if (result.evidenceId() != null) {
      execution.setVariable(Variables.REGISTRATION_EVIDENCE_ID, result.evidenceId());
    }
    if (result.rejectionCode() != null) {
      execution.setVariable(Variables.REJECTION_CODE, result.rejectionCode());
      execution.setVariable(Variables.REJECTION_DETAIL, result.detail());
    }
  }
}
