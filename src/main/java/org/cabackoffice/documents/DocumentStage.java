package org.cabackoffice.documents;

import java.util.Date;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The process's document stages: request, remind, close; the timers' dates come from here. */
@Service
public class DocumentStage {

  /** What the process waits with: when to remind, when to give up, where officers look. */
  public record Waiting(Date reminderAt, Date expiresAt, String officerUrl) {}

  private final Applications applications;
  private final DocumentRequests requests;
  private final Deadlines deadlines;
  private final String baseUrl;

  public DocumentStage(
      Applications applications,
      DocumentRequests requests,
      Deadlines deadlines,
      @Value("${backoffice.base-url}") String baseUrl) {
    this.applications = applications;
    this.requests = requests;
    this.deadlines = deadlines;
    this.baseUrl = baseUrl;
  }

  @Transactional
  public Waiting request(long applicationId, DocumentKind kind, String note) {
    Application application = applications.get(applicationId);
    DocumentRequest request =
        requests.request(applicationId, kind, note, application.getTechnicalEmail());
    // The wait ends when the upload link stops working, not on a date of its own.
    return new Waiting(
        deadlines.reminder(),
        Date.from(request.getExpiresAt()),
        baseUrl + "/api/applications/" + applicationId + "/documents");
  }

  /** A request whose words the kind fixes; the officer's notes stay internal. */
  @Transactional
  public Waiting requestWithFixedWords(long applicationId, DocumentKind kind) {
    return switch (kind) {
      case EMPLOYMENT_CERTIFICATE -> requestEmploymentCertificate(applicationId);
      case REGISTRY_CERTIFICATE -> requestRegistryCertificate(applicationId);
      case SUPPORTING_DOCUMENTS ->
          throw new IllegalArgumentException("supporting documents are asked for in the officer's words");
    };
  }

  /**
   * Guide [1-1], BR 3.2.2.1: the organization directory does not list the applicant, so its
   * existence and registered address are shown by the registry certificate (履歴事項全部証明書 or
   * 現在事項全部証明書) from the Legal Affairs Bureau.
   */
  @Transactional
  public Waiting requestRegistryCertificate(long applicationId) {
    Application application = applications.get(applicationId);
    String note =
        application.getOrganizationNameJa()
            + " の登記事項証明書 (履歴事項全部証明書または現在事項全部証明書、発行日から3か月以内のもの)\n"
            + "The certificate of registered matters (登記事項証明書) of "
            + application.getOrganizationNameEn()
            + " from the Legal Affairs Bureau, issued within the last three months\n"
            + "国・地方公共団体の機関で登記のない場合は、職員録の該当ページ (機関名と所在地の記載があるもの) の写し\n"
            + "A body of the state or of a local government, which has no registration: a copy of the page of the"
            + " 職員録 (staff directory) that shows the body's name and address";
    return request(applicationId, DocumentKind.REGISTRY_CERTIFICATE, note);
  }

  /**
   * Guide [4]: the responsible person could not be reached through the main number, so the
   * applicant proves the employment on paper. The request says what is needed in fixed words;
   * the officer's call notes are internal and never go to the customer.
   */
  @Transactional
  public Waiting requestEmploymentCertificate(long applicationId) {
    Application application = applications.get(applicationId);
    String note =
        "申請責任者 "
            + application.getResponsibleName()
            + " 様が "
            + application.getOrganizationNameJa()
            + " に在籍していることを証明する在籍証明書 (発行日から3か月以内、会社印のあるもの)\n"
            + "An employment certificate, issued within the last three months and sealed by the"
            + " company, showing that "
            + application.getResponsibleName()
            + " is employed by "
            + application.getOrganizationNameEn();
    return request(applicationId, DocumentKind.EMPLOYMENT_CERTIFICATE, note);
  }

  @Transactional
  public void remind(long applicationId, DocumentKind kind) {
    requests.remind(applicationId, kind);
  }

  @Transactional
  public void expire(long applicationId, DocumentKind kind) {
    requests.expire(applicationId, kind);
  }
}
