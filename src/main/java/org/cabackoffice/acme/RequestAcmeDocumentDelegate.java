package org.cabackoffice.acme;

import java.util.Date;
import org.cabackoffice.documents.DocumentKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Mails the technical contact the upload link for one kind of document (guide [3-1], [4]); the
 * process waits until the link stops working. The beans the BPMN names are in
 * {@link AcmeDocumentDelegates}.
 */
public class RequestAcmeDocumentDelegate implements JavaDelegate {

  private final AcmeIdentityDocuments documents;
  private final DocumentKind kind;

  RequestAcmeDocumentDelegate(AcmeIdentityDocuments documents, DocumentKind kind) {
    this.documents = documents;
    this.kind = kind;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long orderId = CheckIdentityReuseDelegate.orderId(execution);
    AcmeIdentityDocuments.Waiting waiting = kind == DocumentKind.EMPLOYMENT_CERTIFICATE
        ? documents.requestEmploymentCertificate(orderId, (String) execution.getVariable(AcmeOrderVariables.SPOKE_WITH))
        : documents.requestDocuments(orderId, (String) execution.getVariable(AcmeOrderVariables.DOCUMENTS_NOTE));
    execution.setVariable(AcmeDocumentVariables.of(kind).expiresAt(), Date.from(waiting.expiresAt()));
    execution.setVariable(AcmeOrderVariables.DOCUMENTS_URL, waiting.officerUrl());
  }
}
