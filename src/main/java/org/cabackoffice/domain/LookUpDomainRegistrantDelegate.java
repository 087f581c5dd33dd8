package org.cabackoffice.domain;

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
    execution.setVariable("domainOutcome", result.outcome().name());
    execution.setVariable("registrableDomain", result.registrableDomain());
    execution.setVariable("whoisContacts", String.join(",", result.contactEmails()));
    execution.setVariable("registrantOrganization", result.registrantOrganization());
    // Shown read-only in the compare-registrant-name form.
    execution.setVariable(
        "registrationFinding",
        result.registrationFinding() == null ? "None / なし" : result.registrationFinding());
    // The process history then names the stored registry answer the decision used (BR 5.4.1).
    if (result.evidenceId() != null) {
      execution.setVariable("registrationEvidenceId", result.evidenceId());
    }
    if (result.rejectionCode() != null) {
      execution.setVariable("rejectionCode", result.rejectionCode());
      execution.setVariable("rejectionDetail", result.detail());
    }
  }
}
