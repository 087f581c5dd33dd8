package org.cabackoffice.documents;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** Records the officer's review of one kind's documents as evidence (BR 5.4.1). */
public class DocumentReviewListener implements TaskListener {

  private final DocumentRequests requests;
  private final DocumentKind kind;

  DocumentReviewListener(DocumentRequests requests, DocumentKind kind) {
    this.requests = requests;
    this.kind = kind;
  }

  @Override
  public void notify(DelegateTask task) {
    DocumentProcessVariables variables = DocumentProcessVariables.of(kind);
    OfficerDecision.record(
        () ->
            requests.recordReview(
                BusinessKeys.applicationId(task),
                kind,
                "ACCEPTED".equals(BusinessKeys.text(task, variables.review())),
                BusinessKeys.text(task, variables.reviewNote()),
                BusinessKeys.officer(task)));
  }
}
