package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Guide [3-1] and [4]: the technical contact gets a dedicated upload URL for one kind of document;
 * the process learns when to remind and when to give up. One class for every kind; the beans the
 * BPMN names are in {@link DocumentDelegates}.
 */
public class RequestDocumentDelegate implements JavaDelegate {

  private final DocumentStage stage;
  private final DocumentKind kind;

  RequestDocumentDelegate(DocumentStage stage, DocumentKind kind) {
    this.stage = stage;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DocumentProcessVariables variables = DocumentProcessVariables.of(kind);
    long applicationId = BusinessKeys.applicationId(execution);
    DocumentStage.Waiting waiting =
        variables.officerNote() == null
            ? stage.requestWithFixedWords(applicationId, kind)
            : stage.request(applicationId, kind, (String) execution.getVariable(variables.officerNote()));
    execution.setVariable(variables.reminderAt(), waiting.reminderAt());
    execution.setVariable(variables.expiresAt(), waiting.expiresAt());
    execution.setVariable(DocumentProcessVariables.OFFICER_URL, waiting.officerUrl());
  }
}
