package org.cabackoffice.verification;

import java.util.List;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Guide [1-2], BR 7.1.4.2: the CSR's O, L, ST and C against the verified record; a disagreement
 * refuses the application before payment, its detail in English and Japanese for the customer.
 */
@Component
public class CompareSubjectWithRecordDelegate implements JavaDelegate {

  private final OrganizationValidation validation;

  public CompareSubjectWithRecordDelegate(OrganizationValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<SubjectAgreement.Disagreement> disagreements =
        validation.compareSubject(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.SUBJECT_AGREES, disagreements.isEmpty());
    if (!disagreements.isEmpty()) {
      execution.setVariable(Variables.REJECTION_DETAIL, SubjectAgreement.describe(disagreements));
    }
  }
}
