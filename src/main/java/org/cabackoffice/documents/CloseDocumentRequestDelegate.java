package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** One kind's documents did not arrive in time: the upload link stops working. */
public class CloseDocumentRequestDelegate implements JavaDelegate {

  private final DocumentStage stage;
  private final DocumentKind kind;

  CloseDocumentRequestDelegate(DocumentStage stage, DocumentKind kind) {
    this.stage = stage;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stage.expire(BusinessKeys.applicationId(execution), kind);
  }
}
