package org.cabackoffice.acme;

import org.cabackoffice.documents.DocumentKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The daily reminder of one kind's request fired: the technical contact is mailed again. */
public class RemindAcmeDocumentDelegate implements JavaDelegate {

  private final AcmeIdentityDocuments documents;
  private final DocumentKind kind;

  RemindAcmeDocumentDelegate(AcmeIdentityDocuments documents, DocumentKind kind) {
    this.documents = documents;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    documents.remind(CheckIdentityReuseDelegate.orderId(execution), kind);
  }
}
