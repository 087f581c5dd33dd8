package org.cabackoffice.documents;

import org.cabackoffice.workflow.RenewalProcess;

/**
 * What a document request asks for: the supporting documents of guide [3-1] (その他の申請書類), or
 * the employment certificate of guide [4] (在籍証明書) when the responsible person could not be
 * reached through the main number, or the registry certificate (登記事項証明書) of an applicant
 * the organization directory does not list (guide [1-1]; BR 3.2.2.1). Each kind has its own mails
 * and its own process message.
 */
public enum DocumentKind {
  SUPPORTING_DOCUMENTS(
      RenewalProcess.Messages.DOCUMENTS_UPLOADED,
      "documents-requested",
      "documents-reminder",
      "申請書類",
      "supporting documents"),
  EMPLOYMENT_CERTIFICATE(
      RenewalProcess.Messages.EMPLOYMENT_CERTIFICATE_UPLOADED,
      "employment-certificate-requested",
      "employment-certificate-reminder",
      "在籍証明書",
      "employment certificate"),
  REGISTRY_CERTIFICATE(
      RenewalProcess.Messages.REGISTRY_CERTIFICATE_UPLOADED,
      "registry-certificate-requested",
      "registry-certificate-reminder",
      "登記事項証明書",
      "certificate of registered matters");

  private final String uploadedMessage;
  private final String requestTemplate;
  private final String reminderTemplate;
  private final String japaneseName;
  private final String englishName;

  DocumentKind(
      String uploadedMessage,
      String requestTemplate,
      String reminderTemplate,
      String japaneseName,
      String englishName) {
    this.uploadedMessage = uploadedMessage;
    this.requestTemplate = requestTemplate;
    this.reminderTemplate = reminderTemplate;
    this.japaneseName = japaneseName;
    this.englishName = englishName;
  }

  /**
   * The message the process waits for once this kind has been uploaded: an application's, or an
   * ACME order's identity steps, whose model names its receive tasks' messages the same.
   */
  public String uploadedMessage() {
    return uploadedMessage;
  }

  String requestTemplate() {
    return requestTemplate;
  }

  String reminderTemplate() {
    return reminderTemplate;
  }

  public String japaneseName() {
    return japaneseName;
  }

  public String englishName() {
    return englishName;
  }
}
