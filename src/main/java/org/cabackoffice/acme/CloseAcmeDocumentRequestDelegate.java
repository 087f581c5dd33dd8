package org.cabackoffice.acme;

import org.cabackoffice.documents.DocumentKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** One kind's documents did not arrive in time: the upload link stops working before the refusal. */
public class CloseAcmeDocumentRequestDelegate implements JavaDelegate {

  private final AcmeIdentityDocuments documents;
  private final DocumentKind kind;

  CloseAcmeDocumentRequestDelegate(AcmeIdentityDocuments documents, DocumentKind kind) {
    this.documents = documents;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    documents.expire(CheckIdentityReuseDelegate.orderId(execution), kind);
  }
}
