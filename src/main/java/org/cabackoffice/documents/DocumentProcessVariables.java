package org.cabackoffice.documents;

/**
 * The process variables of one kind's stage, as bpmn/certificate-renewal.bpmn and the forms name
 * them: the two kinds' stages are the same steps with their own variables.
 *
 * @param officerNote what the officer asked for (decide-documents form); null where the request's
 *     words are fixed (the employment certificate, guide [4]; the registry certificate, guide [1-1])
 * @param reminderAt the reminder timer's date
 * @param expiresAt the expiry timer's date
 * @param review ACCEPTED or not (review form)
 * @param reviewNote the reviewing officer's note
 */
record DocumentProcessVariables(
    String officerNote, String reminderAt, String expiresAt, String review, String reviewNote) {

  /** Where officers look at what was uploaded, whichever kind. */
  static final String OFFICER_URL = "documentsUrl";

  static DocumentProcessVariables of(DocumentKind kind) {
    return switch (kind) {
      case SUPPORTING_DOCUMENTS ->
          new DocumentProcessVariables(
              "documentsNote", "documentsReminderAt", "documentsExpireAt", "documentsReview", "documentsReviewNote");
      case EMPLOYMENT_CERTIFICATE ->
          new DocumentProcessVariables(
              null,
              "employmentCertificateReminderAt",
              "employmentCertificateExpiresAt",
              "employmentCertificateReview",
              "employmentCertificateNote");
      case REGISTRY_CERTIFICATE ->
          new DocumentProcessVariables(
              null,
              "registryCertificateReminderAt",
              "registryCertificateExpiresAt",
              "registryCertificateReview",
              "registryCertificateNote");
    };
  }
}
