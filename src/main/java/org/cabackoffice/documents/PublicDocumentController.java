package org.cabackoffice.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The dedicated upload URL of guide [3-1] (認証担当者のご案内する専用 URL). The token in the path is
 * the only credential, so the pages are public and answer with HTML for browsers
 * (templates/documents/), Japanese unless the reader asks for English, or JSON for a client that
 * asks for it. Responses are not cached and send no referrer, so the token does
 * not leak into caches or other sites' logs.
 */
@RestController
public class PublicDocumentController {


  private final DocumentUploads uploads;
  private final Pages pages;

  public PublicDocumentController(DocumentUploads uploads, Pages pages) {
    this.uploads = uploads;
    this.pages = pages;
  }

  @GetMapping("/public/documents/{token}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> page(@PathVariable String token, HttpServletRequest http) {
    DocumentRequest request = uploads.openRequest(token);
    // A Japanese business time whatever the server's zone (issue 8, item 4).
    String expires = BusinessCalendar.shown(request.getExpiresAt());
    return pages.privatePage(
        HttpStatus.OK,
        "documents/upload",
        http,
        Map.of(
            "kindKey", "documents.kind." + request.getKind().name(),
            // An ACME order's page names the order; an application's, the application.
            "referenceKey", request.getAcmeOrderId() != null ? "upload.acmeOrder" : "upload.application",
            "reference", request.getAcmeOrderId() != null ? request.getAcmeOrderId() : request.getApplicationId(),
            "note", Objects.toString(request.getNote(), ""),
            "alreadyReceived", request.getStatus() == DocumentRequestStatus.UPLOADED,
            "megabytes", String.valueOf(uploads.maxUploadBytes() / (1024 * 1024)),
            "expires", expires));
  }

  @PostMapping(value = "/public/documents/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("permitAll()")
  public ResponseEntity<?> upload(
      @PathVariable String token,
      @RequestParam(name = "file", required = false) MultipartFile file,
      HttpServletRequest http)
      throws IOException {
    if (file == null) {
      throw new DocumentRefused(DocumentRefused.Reason.NO_FILE);
    }
    // Refuse an oversized file by its declared size before reading it into memory.
    if (file.getSize() > uploads.maxUploadBytes()) {
      uploads.openRequest(token);
      throw DocumentUploads.tooLarge(file.getSize(), uploads.maxUploadBytes());
    }
    DocumentUploads.UploadReceipt receipt =
        uploads.upload(token, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    if (wantsJson(http)) {
      return ResponseEntity.status(HttpStatus.CREATED)
          .headers(Pages.privateHeaders())
          .contentType(MediaType.APPLICATION_JSON)
          .body(receipt);
    }
    return pages.privatePage(
        HttpStatus.CREATED,
        "documents/received",
        http,
        Map.of("filename", receipt.filename(), "sha256", receipt.sha256()));
  }

  @ExceptionHandler(DocumentRefused.class)
  ResponseEntity<?> refused(DocumentRefused e, HttpServletRequest http) {
    HttpStatus status = DocumentRefusalStatus.of(e.reason());
    if (wantsJson(http)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.englishMessage());
      problem.setTitle("Document not accepted");
      problem.setProperty("reason", e.reason().name());
      problem.setProperty("messageJa", e.japaneseMessage());
      return ResponseEntity.status(status)
          .headers(Pages.privateHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    boolean english = Locale.ENGLISH.equals(Pages.languageOf(http));
    return pages.privatePage(
        status,
        "documents/refused",
        http,
        Map.of("message", english ? e.englishMessage() : e.japaneseMessage()));
  }

  /** Two first uploads of one request at the same moment: the loser is asked to try again. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<?> concurrentUpload(HttpServletRequest http) {
    return refused(new DocumentRefused(DocumentRefused.Reason.UPLOAD_CONFLICT), http);
  }

  /** JSON for clients that ask for it and not for HTML; browsers always list text/html. */
  private static boolean wantsJson(HttpServletRequest http) {
    String accept = http.getHeader(HttpHeaders.ACCEPT);
    if (accept == null) {
      return false;
    }
    try {
      List<MediaType> types = MediaType.parseMediaTypes(accept);
      boolean json =
          types.stream()
              .anyMatch(
                  t ->
                      "application".equals(t.getType())
                          && ("json".equals(t.getSubtype()) || "json".equals(t.getSubtypeSuffix())));
      boolean html =
          types.stream().anyMatch(t -> "text".equals(t.getType()) && "html".equals(t.getSubtype()));
      return json && !html;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
