package org.cabackoffice.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the technical contact for documents and keeps the officer's verdict on them: supporting
 * documents (guide [3-1] その他の申請書類: 申請受付後シマンテック担当者より技術担当者宛に E メールで
 * ご案内) and the employment certificate (guide [4] 在籍証明書). The process drives these methods
 * from its tasks and timers; every one is safe to repeat, because a job may be retried.
 */
@Service
public class DocumentRequests {

  private final DocumentRequestRepository requests;
  private final DocumentsProperties properties;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;
  private final String baseUrl;

  public DocumentRequests(
      DocumentRequestRepository requests,
      DocumentsProperties properties,
      MailTemplates templates,
      Outbox outbox,
      Clock clock,
      @Value("${backoffice.base-url}") String baseUrl) {
    this.requests = requests;
    this.properties = properties;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * Asks for documents of a kind and mails the upload link. While a request of that kind is open
   * it is returned as it is and nobody is mailed again; a request whose link lapsed unused is
   * marked expired and replaced by a new one.
   */
  @Transactional
  public DocumentRequest request(
      long applicationId, DocumentKind kind, String note, String technicalContactEmail) {
    return request(DocumentSubject.application(applicationId), kind, note, technicalContactEmail);
  }

  /** As {@link #request(long, DocumentKind, String, String)}, for an application or an ACME order. */
  @Transactional
  public DocumentRequest request(
      DocumentSubject subject, DocumentKind kind, String note, String technicalContactEmail) {
    Instant now = clock.instant();
    Optional<DocumentRequest> latest = latest(subject, kind);
    if (latest.isPresent() && latest.get().getStatus().isOpen()) {
      DocumentRequest open = latest.get();
      if (open.getStatus() == DocumentRequestStatus.UPLOADED || !open.hasLapsed(now)) {
        return open;
      }
      open.expire();
      requests.save(open);
    }
    if (note == null || note.isBlank()) {
      throw new DocumentRefused(
          DocumentRefused.Reason.INVALID_INPUT,
          "何をご提出いただくかの説明がありません。",
          "the request must say which documents are needed");
    }
    if (technicalContactEmail == null || technicalContactEmail.isBlank()) {
      throw new DocumentRefused(
          DocumentRefused.Reason.INVALID_INPUT,
          "技術担当者の E メールアドレスがありません。",
          subject + " has no technical contact e-mail");
    }
    DocumentRequest request =
        requests.save(
            new DocumentRequest(
                subject,
                kind,
                note.strip(),
                UploadTokens.next(),
                technicalContactEmail,
                now,
                now.plus(Duration.ofDays(properties.validDays()))));
    outbox.enqueue(
        templates.compose(
            "document-request:" + request.getId(),
            template(subject, kind.requestTemplate()),
            technicalContactEmail,
            mailModel(request),
            List.of())
            .about(subject.applicationId()));
    return request;
  }

  /**
   * Reminds the technical contact of a request that still waits for its first upload. At most one
   * reminder per request and day, so a retried timer job mails nobody twice.
   *
   * @return the reminded request, or empty when nothing waits for an upload
   */
  @Transactional
  public Optional<DocumentRequest> remind(long applicationId, DocumentKind kind) {
    return remind(DocumentSubject.application(applicationId), kind);
  }

  @Transactional
  public Optional<DocumentRequest> remind(DocumentSubject subject, DocumentKind kind) {
    Instant now = clock.instant();
    Optional<DocumentRequest> waiting =
        latest(subject, kind)
            .filter(r -> r.getStatus() == DocumentRequestStatus.REQUESTED && !r.hasLapsed(now));
    waiting.ifPresent(
        r -> {
          LocalDate today = BusinessCalendar.dateOf(now);
          outbox.enqueue(
              templates.compose(
                  "document-reminder:" + r.getId() + ":" + today,
                  template(subject, kind.reminderTemplate()),
                  r.getTechnicalContactEmail(),
                  mailModel(r),
                  List.of())
                  .about(r.getApplicationId()));
          r.markReminded(now);
          requests.save(r);
        });
    return waiting;
  }

  /**
   * Closes a request that got no upload in time. A request with uploads stays open: the
   * documents arrived and wait for an officer.
   *
   * @return the latest request of the kind as it is afterwards, or empty when there is none
   */
  @Transactional
  public Optional<DocumentRequest> expire(long applicationId, DocumentKind kind) {
    return expire(DocumentSubject.application(applicationId), kind);
  }

  @Transactional
  public Optional<DocumentRequest> expire(DocumentSubject subject, DocumentKind kind) {
    Optional<DocumentRequest> latest = latest(subject, kind);
    latest
        .filter(r -> r.getStatus() == DocumentRequestStatus.REQUESTED)
        .ifPresent(
            r -> {
              r.expire();
              requests.save(r);
            });
    return latest;
  }

  /**
   * The officer's verdict on the documents of the open request. A request still without uploads
   * may be decided too: the guide also takes documents by fax or as an e-mail attachment
   * ([3-1] 送付先), which reach the officer outside this system. A refusal must say why.
   *
   * @throws DocumentRefused when no request of the kind is open, or the input is incomplete
   */
  @Transactional
  public DocumentRequest recordReview(
      long applicationId, DocumentKind kind, boolean accepted, String note, String reviewer) {
    return recordReview(DocumentSubject.application(applicationId), kind, accepted, note, reviewer);
  }

  @Transactional
  public DocumentRequest recordReview(
      DocumentSubject subject, DocumentKind kind, boolean accepted, String note, String reviewer) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new DocumentRefused(
          DocumentRefused.Reason.INVALID_INPUT, "審査者が不明です。", "the reviewer is unknown");
    }
    if (!accepted && (note == null || note.isBlank())) {
      throw new DocumentRefused(
          DocumentRefused.Reason.INVALID_INPUT,
          "不受理の理由を記入してください。",
          "a refusal must give its reason");
    }
    DocumentRequest request =
        latest(subject, kind)
            .filter(r -> r.getStatus().isOpen())
            .orElseThrow(
                () ->
                    new DocumentRefused(
                        DocumentRefused.Reason.NO_OPEN_REQUEST,
                        DocumentRefused.Reason.NO_OPEN_REQUEST.japanese(),
                        subject + " has no open request for " + kind));
    request.review(accepted, note == null ? null : note.strip(), reviewer, clock.instant());
    return requests.save(request);
  }

  @Transactional(readOnly = true)
  public Optional<DocumentRequest> latest(long applicationId, DocumentKind kind) {
    return requests.findFirstByApplicationIdAndKindOrderByIdDesc(applicationId, kind);
  }

  @Transactional(readOnly = true)
  public Optional<DocumentRequest> latest(DocumentSubject subject, DocumentKind kind) {
    return subject.isAcmeOrder()
        ? requests.findFirstByAcmeOrderIdAndKindOrderByIdDesc(subject.acmeOrderId(), kind)
        : requests.findFirstByApplicationIdAndKindOrderByIdDesc(subject.applicationId(), kind);
  }

  /**
   * An ACME order's mails name the order, not an application, and speak of the automated
   * renewal: the same request in its own words ({@code acme-} templates).
   */
  private static String template(DocumentSubject subject, String template) {
    return subject.isAcmeOrder() ? "acme-" + template : template;
  }

  /** The link the technical contact uploads through. */
  public String uploadUrl(DocumentRequest request) {
    return baseUrl + "/public/documents/" + request.getToken();
  }

  private Map<String, Object> mailModel(DocumentRequest request) {
    return Map.of(
        request.getAcmeOrderId() != null ? "orderId" : "applicationId",
        request.getAcmeOrderId() != null ? request.getAcmeOrderId() : request.getApplicationId(),
        "note", request.getNote(),
        "uploadUrl", uploadUrl(request),
        "expiresAt", BusinessCalendar.shown(request.getExpiresAt()));
  }
}
