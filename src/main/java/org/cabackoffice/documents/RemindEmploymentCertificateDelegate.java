package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RemindEmploymentCertificateDelegate implements JavaDelegate {

  private final DocumentStage stage;

  public RemindEmploymentCertificateDelegate(DocumentStage stage) {
    this.stage = stage;
  }

  @Override
  public void execute(DelegateExecution execution) {
    stage.remind(BusinessKeys.applicationId(execution), DocumentKind.EMPLOYMENT_CERTIFICATE);
  }
}
