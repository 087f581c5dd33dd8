package org.cabackoffice.documents;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Guide [4]: unreachable by phone → the applicant sends an employment certificate (在籍証明書). */
@Component
public class RequestEmploymentCertificateDelegate implements JavaDelegate {

  private final DocumentStage stage;

  public RequestEmploymentCertificateDelegate(DocumentStage stage) {
    this.stage = stage;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentStage.Waiting waiting =
        stage.requestEmploymentCertificate(BusinessKeys.applicationId(execution));
    execution.setVariable(Variables.EMPLOYMENT_CERTIFICATE_REMINDER_AT, waiting.reminderAt());
    execution.setVariable(Variables.EMPLOYMENT_CERTIFICATE_EXPIRES_AT, waiting.expiresAt());
    execution.setVariable(Variables.DOCUMENTS_URL, waiting.officerUrl());
  }
}
