package org.cabackoffice.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An officer's request for documents, mailed to the technical contact with a dedicated upload
 * URL (guide [3-1]: 認証担当者のご案内する専用 URL へ書類データ (PDF) をアップロード). The token in
 * the URL is the only credential of the uploader, so it is random and expires.
 */
@Entity
@Table(name = "document_request")
public class DocumentRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Null for a request of an ACME order (V117): exactly one of the two is set. */
  @Column(name = "application_id", updatable = false)
  private Long applicationId;

  @Column(name = "acme_order_id", updatable = false)
  private Long acmeOrderId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, updatable = false, length = 32)
  private DocumentKind kind;

  /** What the officer asks for, shown to the customer in the mail and on the upload page. */
  @Column(name = "note", nullable = false, updatable = false, length = 2000)
  private String note;

  @Column(name = "token", nullable = false, updatable = false, unique = true, length = 64)
  private String token;

  @Column(name = "technical_contact_email", nullable = false, updatable = false, length = 254)
  private String technicalContactEmail;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private DocumentRequestStatus status;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "last_reminded_at")
  private Instant lastRemindedAt;

  /** Whether the application's process has been told of an upload; it is told once. */
  @Column(name = "process_notified", nullable = false)
  private boolean processNotified;

  @Column(name = "reviewer", length = 128)
  private String reviewer;

  @Column(name = "review_note", length = 2000)
  private String reviewNote;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DocumentRequest() {}

  DocumentRequest(
      DocumentSubject subject,
      DocumentKind kind,
      String note,
      String token,
      String technicalContactEmail,
      Instant requestedAt,
      Instant expiresAt) {
    this.applicationId = subject.applicationId();
    this.acmeOrderId = subject.acmeOrderId();
    this.kind = kind;
    this.note = note;
    this.token = token;
    this.technicalContactEmail = technicalContactEmail;
    this.requestedAt = requestedAt;
    this.expiresAt = expiresAt;
    this.status = DocumentRequestStatus.REQUESTED;
  }

  /** A link past its expiry takes no more uploads, whatever its status says. */
  public boolean hasLapsed(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the token page still takes files. */
  public boolean acceptsUploads(Instant now) {
    return status.isOpen() && !hasLapsed(now);
  }

  void markUploaded() {
    if (status == DocumentRequestStatus.REQUESTED) {
      status = DocumentRequestStatus.UPLOADED;
    }
  }

  void markProcessNotified() {
    processNotified = true;
  }

  void markReminded(Instant when) {
    lastRemindedAt = when;
  }

  void expire() {
    status = DocumentRequestStatus.EXPIRED;
  }

  void review(boolean accepted, String note, String reviewer, Instant when) {
    this.status = accepted ? DocumentRequestStatus.ACCEPTED : DocumentRequestStatus.REFUSED;
    this.reviewNote = note;
    this.reviewer = reviewer;
    this.reviewedAt = when;
  }

  public Long getId() {
    return id;
  }

  /** The application, or null for a request of an ACME order. */
  public Long getApplicationId() {
    return applicationId;
  }

  /** The ACME order, or null for a request of an application. */
  public Long getAcmeOrderId() {
    return acmeOrderId;
  }

  public DocumentSubject subject() {
    return new DocumentSubject(applicationId, acmeOrderId);
  }

  public DocumentKind getKind() {
    return kind;
  }

  public String getNote() {
    return note;
  }

  public String getToken() {
    return token;
  }

  public String getTechnicalContactEmail() {
    return technicalContactEmail;
  }

  public DocumentRequestStatus getStatus() {
    return status;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getLastRemindedAt() {
    return lastRemindedAt;
  }

  public boolean isProcessNotified() {
    return processNotified;
  }

  public String getReviewer() {
    return reviewer;
  }

  public String getReviewNote() {
    return reviewNote;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
