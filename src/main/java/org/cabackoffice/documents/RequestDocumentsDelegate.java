package org.cabackoffice.documents;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Guide [3-1]: the technical contact gets a dedicated upload URL for the documents. */
@Component
public class RequestDocumentsDelegate implements JavaDelegate {

  private final DocumentStage stage;

  public RequestDocumentsDelegate(DocumentStage stage) {
    this.stage = stage;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentStage.Waiting waiting =
        stage.request(
            BusinessKeys.applicationId(execution),
            DocumentKind.SUPPORTING_DOCUMENTS,
            (String) execution.getVariable(Variables.DOCUMENTS_NOTE));
    execution.setVariable(Variables.DOCUMENTS_REMINDER_AT, waiting.reminderAt());
    execution.setVariable(Variables.DOCUMENTS_EXPIRE_AT, waiting.expiresAt());
    execution.setVariable(Variables.DOCUMENTS_URL, waiting.officerUrl());
  }
}
