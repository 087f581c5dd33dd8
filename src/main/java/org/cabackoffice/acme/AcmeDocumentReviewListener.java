package org.cabackoffice.acme;

import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Records the officer's review of one kind's documents for an order as evidence (BR 5.4.1); a
 * refusal makes the order invalid with the officer's reason.
 */
public class AcmeDocumentReviewListener implements TaskListener {

  private final AcmeIdentityDocuments documents;
  private final DocumentKind kind;

  AcmeDocumentReviewListener(AcmeIdentityDocuments documents, DocumentKind kind) {
    this.documents = documents;
    this.kind = kind;
  }

  @Override
  public void notify(DelegateTask task) {
    AcmeDocumentVariables variables = AcmeDocumentVariables.of(kind);
    OfficerDecision.record(() -> {
      String review = BusinessKeys.text(task, variables.review());
      if (!AcmeOrderVariables.ACCEPTED.equals(review) && !AcmeOrderVariables.REFUSED.equals(review)) {
        throw new IllegalArgumentException("answer ACCEPTED or REFUSED");
      }
      documents.reviewed(
          CheckIdentityReuseDelegate.orderId(task.getExecution()),
          kind,
          AcmeOrderVariables.ACCEPTED.equals(review),
          BusinessKeys.text(task, variables.reviewNote()),
          BusinessKeys.officer(task));
    });
  }
}
