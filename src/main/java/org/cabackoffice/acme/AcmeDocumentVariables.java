package org.cabackoffice.acme;

import org.cabackoffice.documents.DocumentKind;

/**
 * The variables of one kind's document steps in bpmn/acme-order.bpmn and its forms: the employment
 * certificate's and the supporting documents' steps are the same with their own names.
 *
 * @param expiresAt the expiry timer's date: when the upload link stops working
 * @param review ACCEPTED or not (the review form)
 * @param reviewNote the reviewing officer's note, the reason of a refusal
 */
record AcmeDocumentVariables(String expiresAt, String review, String reviewNote) {

  static AcmeDocumentVariables of(DocumentKind kind) {
    return switch (kind) {
      case EMPLOYMENT_CERTIFICATE -> new AcmeDocumentVariables(
          AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_EXPIRES_AT,
          AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_REVIEW,
          AcmeOrderVariables.EMPLOYMENT_CERTIFICATE_NOTE);
      case SUPPORTING_DOCUMENTS -> new AcmeDocumentVariables(
          AcmeOrderVariables.DOCUMENTS_EXPIRE_AT,
          AcmeOrderVariables.DOCUMENTS_REVIEW,
          AcmeOrderVariables.DOCUMENTS_REVIEW_NOTE);
      case REGISTRY_CERTIFICATE ->
          // An order's organization is in the directory already (it was validated before).
          throw new IllegalArgumentException("an ACME order asks for no registry certificate");
    };
  }
}
