package org.cabackoffice.documents;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What officers and auditors see of an application's document requests and uploads, and where an
 * officer attaches a document that arrived by fax, e-mail or post (guide [3-1] 送付先).
 */
@RestController
public class DocumentController {

  private static final Logger log = LoggerFactory.getLogger(DocumentController.class);

  private final DocumentUploads uploads;
  private final CurrentUser currentUser;

  public DocumentController(DocumentUploads uploads, CurrentUser currentUser) {
    this.uploads = uploads;
    this.currentUser = currentUser;
  }

  /** A request as officers see it; the token is left out, it is the customer's credential. */
  public record DocumentRequestView(
      long requestId,
      Long applicationId,
      Long acmeOrderId,
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
          r.getAcmeOrderId(),
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
   * What the technical contact uploaded for an ACME order's identity steps (the employment
   * certificate, supporting documents): the reviewing officer and the approver open it from their
   * forms, auditors from the order's evidence.
   */
  @GetMapping("/api/acme/orders/{orderId}/documents")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public List<DocumentRequestView> acmeOrderDocuments(@PathVariable long orderId) {
    return uploads.documentsOf(DocumentSubject.acmeOrder(orderId)).stream().map(DocumentRequestView::of).toList();
  }

  /**
   * An officer attaches a PDF received outside the upload link to the application's open document
   * request (or the one named), saying how it arrived; the officer is recorded as who attached it.
   * The file passes the checks of an upload (PDF, size); the process is told as for an upload.
   */
  @PostMapping(
      value = "/api/applications/{applicationId}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<DocumentUploads.UploadReceipt> attach(
      @PathVariable long applicationId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "arrivedBy", required = false) String arrivedBy,
      @RequestParam(name = "requestId", required = false) String requestId)
      throws IOException {
    return attach(DocumentSubject.application(applicationId), file, arrivedBy, requestId);
  }

  /**
   * As for an application: an officer attaches a PDF an ACME order's identity steps asked for
   * (employment certificate, supporting documents) that arrived by fax, e-mail or post.
   */
  @PostMapping(value = "/api/acme/orders/{orderId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<DocumentUploads.UploadReceipt> attachToAcmeOrder(
      @PathVariable long orderId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "arrivedBy", required = false) String arrivedBy,
      @RequestParam(name = "requestId", required = false) String requestId)
      throws IOException {
    return attach(DocumentSubject.acmeOrder(orderId), file, arrivedBy, requestId);
  }

  private ResponseEntity<DocumentUploads.UploadReceipt> attach(
      DocumentSubject subject, MultipartFile file, String arrivedBy, String requestId) throws IOException {
    DocumentArrival arrival = arrival(arrivedBy);
    Long request = requestId(requestId);
    if (file == null) {
      throw new DocumentRefused(DocumentRefused.Reason.NO_FILE);
    }
    // Refuse an oversized file by its declared size before reading it into memory.
    if (file.getSize() > uploads.maxUploadBytes()) {
      throw DocumentUploads.tooLarge(file.getSize(), uploads.maxUploadBytes());
    }
    DocumentUploads.UploadReceipt receipt =
        uploads.attach(
            subject,
            request,
            arrival,
            currentUser.name(),
            file.getOriginalFilename(),
            file.getContentType(),
            file.getBytes());
    return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
  }

  private static DocumentArrival arrival(String value) {
    if (value == null || value.isBlank()) {
      throw new DocumentRefused(DocumentRefused.Reason.ARRIVAL_MISSING);
    }
    try {
      return DocumentArrival.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DocumentRefused(
          DocumentRefused.Reason.ARRIVAL_MISSING,
          DocumentRefused.Reason.ARRIVAL_MISSING.japanese(),
          "arrivedBy is one of " + java.util.Arrays.toString(DocumentArrival.values()));
    }
  }

  private static Long requestId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new DocumentRefused(
          DocumentRefused.Reason.INVALID_INPUT,
          DocumentRefused.Reason.INVALID_INPUT.japanese(),
          "requestId is a document request's number");
    }
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

  /** Two first documents of one request at the same moment: the later is asked to try again. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentAttachment() {
    return refused(new DocumentRefused(DocumentRefused.Reason.UPLOAD_CONFLICT));
  }

  @ExceptionHandler(DocumentRefused.class)
  ProblemDetail refused(DocumentRefused e) {
    // The officer's input to correct, not a failure of the back office.
    log.info("Refused document for {}: {}", currentUser.name(), e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(DocumentRefusalStatus.of(e.reason()), e.getMessage());
    problem.setTitle("Document refused");
    problem.setProperty("reason", e.reason().name());
    return problem;
  }
}
