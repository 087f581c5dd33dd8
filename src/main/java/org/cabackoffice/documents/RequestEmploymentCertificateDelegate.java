package org.cabackoffice.documents;

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
    execution.setVariable("employmentCertificateReminderAt", waiting.reminderAt());
    execution.setVariable("employmentCertificateExpiresAt", waiting.expiresAt());
    execution.setVariable("documentsUrl", waiting.officerUrl());
  }
}
