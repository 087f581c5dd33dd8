package org.cabackoffice.payment;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bank statement files in, import summaries out (DESIGN.md, contract {@code POST
 * /api/bank-statements}). Officers post the files they download; operations staff run the daily
 * file. Auditors read past imports.
 */
@RestController
public class BankStatementController {

  private final BankStatementImports statements;

  public BankStatementController(BankStatementImports statements) {
    this.statements = statements;
  }

  public record ImportSummary(
      long importId,
      String fileName,
      String sha256,
      long sizeBytes,
      BankStatementFormat format,
      String importedBy,
      Instant importedAt,
      Instant completedAt,
      long matched,
      long unmatched,
      long duplicates,
      long errors) {

    static ImportSummary of(BankStatementImport s) {
      return new ImportSummary(
          s.getId(),
          s.getFileName(),
          s.getSha256(),
          s.getSizeBytes(),
          s.getFormat(),
          s.getImportedBy(),
          s.getImportedAt(),
          s.getCompletedAt(),
          s.getMatchedCount(),
          s.getUnmatchedCount(),
          s.getDuplicateCount(),
          s.getErrorCount());
    }
  }

  /** The file as the multipart field {@code file}, as a browser form or {@code curl -F} sends it. */
  @PostMapping(path = "/api/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS')")
  public ResponseEntity<StatementImportReport> importFile(
      @RequestParam(name = "file", required = false) MultipartFile file, Principal principal)
      throws IOException {
    if (file == null) {
      throw new StatementRejected("the multipart field 'file' with the statement is missing");
    }
    return imported(statements.importStatement(file.getOriginalFilename(), file.getBytes(), who(principal)));
  }

  /** The file as the raw body ({@code curl --data-binary @file}); its name as {@code ?fileName=}. */
  @PostMapping(path = "/api/bank-statements")
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS')")
  public ResponseEntity<StatementImportReport> importBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(name = "fileName", required = false) String fileName,
      Principal principal) {
    return imported(
        statements.importStatement(fileName, body == null ? new byte[0] : body, who(principal)));
  }

  @GetMapping("/api/bank-statements")
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS', 'AUDITOR')")
  public List<ImportSummary> list(@RequestParam(name = "before", required = false) Long before) {
    return statements.list(before).stream().map(ImportSummary::of).toList();
  }

  @GetMapping("/api/bank-statements/{importId}")
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS', 'AUDITOR')")
  public StatementImportReport get(@PathVariable long importId) {
    return statements
        .find(importId)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bank statement import " + importId));
  }

  @ExceptionHandler(StatementRejected.class)
  ProblemDetail rejected(StatementRejected e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Statement file refused");
    return problem;
  }

  private static ResponseEntity<StatementImportReport> imported(StatementImportReport report) {
    return ResponseEntity.created(URI.create("/api/bank-statements/" + report.importId())).body(report);
  }

  private static String who(Principal principal) {
    if (principal == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "no authenticated user");
    }
    return principal.getName();
  }
}
