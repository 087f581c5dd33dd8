package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The documents did not arrive in time: the upload link stops working. */
@Component
public class CloseDocumentRequestDelegate implements JavaDelegate {

  private final DocumentStage stage;

  public CloseDocumentRequestDelegate(DocumentStage stage) {
    this.stage = stage;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stage.expire(BusinessKeys.applicationId(execution), DocumentKind.SUPPORTING_DOCUMENTS);
  }
}
