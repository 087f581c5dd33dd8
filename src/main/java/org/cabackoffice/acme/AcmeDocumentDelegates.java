package org.cabackoffice.acme;

import org.cabackoffice.documents.DocumentKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document steps' delegates and listeners of an order's identity stage under the bean names
 * bpmn/acme-order.bpmn uses: one class per action, one bean per kind of document.
 */
@Configuration(proxyBeanMethods = false)
class AcmeDocumentDelegates {

  @Bean
  RequestAcmeDocumentDelegate requestAcmeEmploymentCertificateDelegate(AcmeIdentityDocuments documents) {
    return new RequestAcmeDocumentDelegate(documents, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  RemindAcmeDocumentDelegate remindAcmeEmploymentCertificateDelegate(AcmeIdentityDocuments documents) {
    return new RemindAcmeDocumentDelegate(documents, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  CloseAcmeDocumentRequestDelegate closeAcmeEmploymentCertificateRequestDelegate(AcmeIdentityDocuments documents) {
    return new CloseAcmeDocumentRequestDelegate(documents, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  AcmeDocumentReviewListener acmeEmploymentCertificateReviewListener(AcmeIdentityDocuments documents) {
    return new AcmeDocumentReviewListener(documents, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  RequestAcmeDocumentDelegate requestAcmeDocumentsDelegate(AcmeIdentityDocuments documents) {
    return new RequestAcmeDocumentDelegate(documents, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  RemindAcmeDocumentDelegate remindAcmeDocumentsDelegate(AcmeIdentityDocuments documents) {
    return new RemindAcmeDocumentDelegate(documents, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  CloseAcmeDocumentRequestDelegate closeAcmeDocumentRequestDelegate(AcmeIdentityDocuments documents) {
    return new CloseAcmeDocumentRequestDelegate(documents, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  AcmeDocumentReviewListener acmeDocumentsReviewListener(AcmeIdentityDocuments documents) {
    return new AcmeDocumentReviewListener(documents, DocumentKind.SUPPORTING_DOCUMENTS);
  }
}
