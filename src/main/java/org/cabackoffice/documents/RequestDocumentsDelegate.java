package org.cabackoffice.documents;

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
            (String) execution.getVariable("documentsNote"));
    execution.setVariable("documentsReminderAt", waiting.reminderAt());
    execution.setVariable("documentsExpireAt", waiting.expiresAt());
    execution.setVariable("documentsUrl", waiting.officerUrl());
  }
}
