package org.cabackoffice.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    // The part lies on disk (Tomcat writes parts above spring.servlet.multipart.file-size-threshold,
    // 0 bytes); the import reads it from there, twice, never whole into memory.
    StatementFile part =
        new StatementFile() {
          @Override
          public long size() {
            return file.getSize();
          }

          @Override
          public InputStream open() throws IOException {
            return file.getInputStream();
          }
        };
    return imported(statements.importStatement(file.getOriginalFilename(), part, who(principal)));
  }

  /** The file as the raw body ({@code curl --data-binary @file}); its name as {@code ?fileName=}. */
  @PostMapping(path = "/api/bank-statements")
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS')")
  public ResponseEntity<StatementImportReport> importBody(
      InputStream body,
      @RequestParam(name = "fileName", required = false) String fileName,
      Principal principal)
      throws IOException {
    String importedBy = who(principal);
    // Spooled to a file rather than read into memory (issue 12: a million lines are some 60 MB);
    // one byte past the cap is enough for the import to refuse the file by its size.
    Path spooled = Files.createTempFile("bank-statement-", ".upload");
    try {
      try (OutputStream out = Files.newOutputStream(spooled)) {
        new BoundedInputStream(body, statements.maxBytes() + 1).transferTo(out);
      }
      return imported(statements.importStatement(fileName, StatementFile.at(spooled), importedBy));
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  /**
   * An import's lines in file order, a page at a time: all, or those of one of the report's lists
   * ({@code kind}), after line {@code afterLine}. The report lists the first 1,000 of each kind;
   * this is how an officer reads a larger file's others.
   */
  @GetMapping("/api/bank-statements/{importId}/lines")
  @PreAuthorize("hasAnyRole('OFFICER', 'OPERATIONS', 'AUDITOR')")
  public LinesPage lines(
      @PathVariable long importId,
      @RequestParam(name = "kind", required = false) StatementImportReport.Kind kind,
      @RequestParam(name = "afterLine", defaultValue = "0") long afterLine,
      @RequestParam(name = "limit", defaultValue = "1000") int limit) {
    if (limit < 1 || limit > BankStatementImports.REPORT_LINES) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit must be 1 to " + BankStatementImports.REPORT_LINES);
    }
    List<StatementImportReport.Line> page =
        statements
            .lines(importId, kind, afterLine, limit)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no bank statement import " + importId))
            .stream()
            .map(StatementImportReport.Line::of)
            .toList();
    return new LinesPage(
        importId, kind, page, page.size() == limit ? page.get(page.size() - 1).line() : null);
  }

  /** A page of lines; {@code nextAfterLine} is the {@code afterLine} of the next page, null on the last. */
  public record LinesPage(
      long importId, StatementImportReport.Kind kind, List<StatementImportReport.Line> lines, Long nextAfterLine) {}

  /** At most {@code limit} bytes of the body: the rest is not read. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
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
