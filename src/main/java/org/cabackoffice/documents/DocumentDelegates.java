package org.cabackoffice.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The document stages' delegates and listeners under the bean names
 * bpmn/certificate-renewal.bpmn uses: one class per action, one bean per kind of document.
 */
@Configuration(proxyBeanMethods = false)
class DocumentDelegates {

  @Bean
  RequestDocumentDelegate requestDocumentsDelegate(DocumentStage stage) {
    return new RequestDocumentDelegate(stage, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  RequestDocumentDelegate requestEmploymentCertificateDelegate(DocumentStage stage) {
    return new RequestDocumentDelegate(stage, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  RemindDocumentDelegate remindDocumentsDelegate(DocumentStage stage) {
    return new RemindDocumentDelegate(stage, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  RemindDocumentDelegate remindEmploymentCertificateDelegate(DocumentStage stage) {
    return new RemindDocumentDelegate(stage, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  CloseDocumentRequestDelegate closeDocumentRequestDelegate(DocumentStage stage) {
    return new CloseDocumentRequestDelegate(stage, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  CloseDocumentRequestDelegate closeEmploymentCertificateRequestDelegate(DocumentStage stage) {
    return new CloseDocumentRequestDelegate(stage, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  DocumentReviewListener documentReviewListener(DocumentRequests requests) {
    return new DocumentReviewListener(requests, DocumentKind.SUPPORTING_DOCUMENTS);
  }

  @Bean
  DocumentReviewListener employmentCertificateReviewListener(DocumentRequests requests) {
    return new DocumentReviewListener(requests, DocumentKind.EMPLOYMENT_CERTIFICATE);
  }

  @Bean
  RequestDocumentDelegate requestRegistryCertificateDelegate(DocumentStage stage) {
    return new RequestDocumentDelegate(stage, DocumentKind.REGISTRY_CERTIFICATE);
  }

  @Bean
  RemindDocumentDelegate remindRegistryCertificateDelegate(DocumentStage stage) {
    return new RemindDocumentDelegate(stage, DocumentKind.REGISTRY_CERTIFICATE);
  }

  @Bean
  CloseDocumentRequestDelegate closeRegistryCertificateRequestDelegate(DocumentStage stage) {
    return new CloseDocumentRequestDelegate(stage, DocumentKind.REGISTRY_CERTIFICATE);
  }

  @Bean
  DocumentReviewListener registryCertificateReviewListener(DocumentRequests requests) {
    return new DocumentReviewListener(requests, DocumentKind.REGISTRY_CERTIFICATE);
  }
}
