package org.cabackoffice.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A PDF uploaded for a document request, by the technical contact through the link or attached by
 * an officer who received it by fax, e-mail or post (guide [3-1]). The SHA-256 lets an auditor show that the file an
 * officer reviewed is the one kept (BR 5.4.1). Listings use {@link UploadedDocumentSummary} so
 * they do not load the content.
 */
@Entity
@Table(name = "uploaded_document")
public class UploadedDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "document_request_id", nullable = false, updatable = false)
  private long requestId;

  @Column(name = "original_filename", nullable = false, updatable = false, length = 255)
  private String originalFilename;

  /** What the uploader's browser claimed; the content itself was checked to be a PDF. */
  @Column(name = "content_type", nullable = false, updatable = false, length = 100)
  private String contentType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "content", nullable = false, updatable = false)
  private byte[] content;

  @Column(name = "uploaded_at", nullable = false, updatable = false)
  private Instant uploadedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "arrived_by", nullable = false, updatable = false, length = 16)
  private DocumentArrival arrivedBy = DocumentArrival.UPLOAD;

  /** The officer who attached it; null for the technical contact's upload through the link. */
  @Column(name = "attached_by", updatable = false, length = 128)
  private String attachedBy;

  protected UploadedDocument() {}

  UploadedDocument(
      long requestId,
      String originalFilename,
      String contentType,
      byte[] content,
      String sha256,
      Instant uploadedAt) {
    this.requestId = requestId;
    this.originalFilename = originalFilename;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.uploadedAt = uploadedAt;
  }

  /** A document an officer received outside the link and attached to the request. */
  static UploadedDocument attached(
      long requestId,
      String originalFilename,
      String contentType,
      byte[] content,
      String sha256,
      Instant attachedAt,
      DocumentArrival arrivedBy,
      String officer) {
    UploadedDocument document =
        new UploadedDocument(requestId, originalFilename, contentType, content, sha256, attachedAt);
    document.arrivedBy = arrivedBy;
    document.attachedBy = officer;
    return document;
  }

  public DocumentArrival getArrivedBy() {
    return arrivedBy;
  }

  public String getAttachedBy() {
    return attachedBy;
  }

  public Long getId() {
    return id;
  }

  public long getRequestId() {
    return requestId;
  }

  public String getOriginalFilename() {
    return originalFilename;
  }

  public String getContentType() {
    return contentType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public String getSha256() {
    return sha256;
  }

  public byte[] getContent() {
    return content;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }
}
