package org.cabackoffice.documents;

import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What officers and auditors see of an application's document requests and uploads. */
@RestController
public class DocumentController {

  private final DocumentUploads uploads;

  public DocumentController(DocumentUploads uploads) {
    this.uploads = uploads;
  }

  /** A request as officers see it; the token is left out, it is the customer's credential. */
  public record DocumentRequestView(
      long requestId,
      long applicationId,
      DocumentKind kind,
      String note,
      DocumentRequestStatus status,
      Instant requestedAt,
      Instant expiresAt,
      Instant lastRemindedAt,
      boolean processNotified,
      String reviewer,
      String reviewNote,
      Instant reviewedAt,
      List<UploadedDocumentSummary> documents) {

    static DocumentRequestView of(DocumentUploads.RequestDocuments rd) {
      DocumentRequest r = rd.request();
      return new DocumentRequestView(
          r.getId(),
          r.getApplicationId(),
          r.getKind(),
          r.getNote(),
          r.getStatus(),
          r.getRequestedAt(),
          r.getExpiresAt(),
          r.getLastRemindedAt(),
          r.isProcessNotified(),
          r.getReviewer(),
          r.getReviewNote(),
          r.getReviewedAt(),
          rd.documents());
    }
  }

  @GetMapping("/api/applications/{applicationId}/documents")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public List<DocumentRequestView> documents(@PathVariable long applicationId) {
    return uploads.documentsOf(applicationId).stream().map(DocumentRequestView::of).toList();
  }

  /**
   * The PDF as uploaded. Served as application/pdf whatever the uploader's browser claimed (the
   * bytes were checked to be a PDF), as an attachment so it is not rendered in the back office's
   * origin.
   */
  @GetMapping("/api/documents/{documentId}/content")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ResponseEntity<byte[]> content(@PathVariable long documentId) {
    UploadedDocument document = uploads.document(documentId);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    // Names stored before the rule of UploadedFileName are cleaned when served.
    headers.set(
        HttpHeaders.CONTENT_DISPOSITION,
        UploadedFileName.contentDisposition(document.getOriginalFilename()));
    headers.setContentLength(document.getSizeBytes());
    headers.setCacheControl(CacheControl.noStore());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Document-SHA256", document.getSha256());
    return ResponseEntity.ok().headers(headers).body(document.getContent());
  }

  @ExceptionHandler(DocumentRefused.class)
  ProblemDetail refused(DocumentRefused e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(DocumentRefusalStatus.of(e.reason()), e.getMessage());
    problem.setTitle("Document refused");
    problem.setProperty("reason", e.reason().name());
    return problem;
  }
}
