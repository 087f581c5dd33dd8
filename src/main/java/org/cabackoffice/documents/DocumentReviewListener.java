package org.cabackoffice.documents;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the officer's review of the supporting documents as evidence (BR 5.4.1). */
@Component
public class DocumentReviewListener implements TaskListener {

  private final DocumentRequests requests;

  public DocumentReviewListener(DocumentRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          requests.recordReview(
              BusinessKeys.applicationId(task),
              DocumentKind.SUPPORTING_DOCUMENTS,
              "ACCEPTED".equals(BusinessKeys.text(task, Variables.DOCUMENTS_REVIEW)),
              BusinessKeys.text(task, Variables.DOCUMENTS_REVIEW_NOTE),
              BusinessKeys.officer(task));
        });
  }
}
