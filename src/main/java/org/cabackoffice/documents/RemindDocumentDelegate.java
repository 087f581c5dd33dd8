package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The reminder timer of one kind's request fired: the technical contact is mailed again. */
public class RemindDocumentDelegate implements JavaDelegate {

  private final DocumentStage stage;
  private final DocumentKind kind;

  RemindDocumentDelegate(DocumentStage stage, DocumentKind kind) {
    this.stage = stage;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stage.remind(BusinessKeys.applicationId(execution), kind);
  }
}
