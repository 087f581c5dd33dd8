package org.cabackoffice.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dedicated upload URL of guide [3-1] (認証担当者のご案内する専用 URL). The token in the path is
 * the only credential, so the pages are public and answer with plain HTML for browsers, or JSON
 * for a client that asks for it. Responses are not cached and send no referrer, so the token does
 * not leak into caches or other sites' logs.
 */
@RestController
public class PublicDocumentController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final DocumentUploads uploads;

  public PublicDocumentController(DocumentUploads uploads) {
    this.uploads = uploads;
  }

  @GetMapping("/public/documents/{token}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> page(@PathVariable String token, HttpServletRequest http) {
    DocumentRequest request = uploads.openRequest(token);
    CsrfToken csrf = (CsrfToken) http.getAttribute(CsrfToken.class.getName());
    return html(
        HttpStatus.OK,
        UploadPage.form(request, uploads.maxUploadBytes(), csrf));
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
          .headers(privateHeaders())
          .contentType(MediaType.APPLICATION_JSON)
          .body(receipt);
    }
    return html(HttpStatus.CREATED, UploadPage.received(receipt));
  }

  @ExceptionHandler(DocumentRefused.class)
  ResponseEntity<?> refused(DocumentRefused e, HttpServletRequest http) {
    HttpStatus status = HttpStatus.valueOf(e.reason().httpStatus());
    if (wantsJson(http)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.englishMessage());
      problem.setTitle("Document not accepted");
      problem.setProperty("reason", e.reason().name());
      problem.setProperty("messageJa", e.japaneseMessage());
      return ResponseEntity.status(status)
          .headers(privateHeaders())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return html(status, UploadPage.refused(e));
  }

  /** Two first uploads of one request at the same moment: the loser is asked to try again. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ResponseEntity<?> concurrentUpload(HttpServletRequest http) {
    return refused(new DocumentRefused(DocumentRefused.Reason.UPLOAD_CONFLICT), http);
  }

  private static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).headers(privateHeaders()).contentType(HTML).body(body);
  }

  private static HttpHeaders privateHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setCacheControl(CacheControl.noStore());
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Content-Type-Options", "nosniff");
    return headers;
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
