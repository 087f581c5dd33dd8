package org.cabackoffice.verification;

import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organization directory for staff (issue 8 item 15): operations import the vendor's export
 * and the NTA's corporate-number data; officers look entries up and correct them, each
 * correction recorded; the auditor reads all of it.
 */
@RestController
@RequestMapping("/api/organization-directory")
public class OrganizationDirectoryController {

  private final OrganizationDirectory directory;
  private final DirectoryCorrections corrections;
  private final DirectoryImports imports;
  private final TradeNames tradeNames;

  public OrganizationDirectoryController(
      OrganizationDirectory directory, DirectoryCorrections corrections, DirectoryImports imports, TradeNames tradeNames) {
    this.directory = directory;
    this.corrections = corrections;
    this.imports = imports;
    this.tradeNames = tradeNames;
  }

  public record EntryView(
      long id,
      String corporateNumber,
      String nameJa,
      String nameEn,
      String stateOrProvince,
      String locality,
      String country,
      String mainPhone,
      BusinessCategory businessCategory,
      LocalDate closedOn,
      String source,
      LocalDate verifiedOn,
      Instant updatedAt) {
    static EntryView of(OrganizationDirectoryEntry e) {
      return new EntryView(
          e.getId(), e.getCorporateNumber(), e.getNameJa(), e.getNameEn(), e.getStateOrProvince(),
          e.getLocality(), e.getCountry(), e.getMainPhone(), e.getBusinessCategory(), e.getClosedOn(),
          e.getSource(), e.getVerifiedOn(), e.getUpdatedAt());
    }
  }

  public record ChangeView(
      long id, DirectoryChange.Kind kind, Long importId, String changedBy, Instant changedAt,
      String before, String after, String reason) {
    static ChangeView of(DirectoryChange c) {
      return new ChangeView(
          c.getId(), c.getKind(), c.getImportId(), c.getChangedBy(), c.getChangedAt(),
          c.getBeforeState(), c.getAfterState(), c.getReason());
    }
  }

  /** A verified DBA or trade name; {@code current}: within the reuse period, so a certificate may state it. */
  public record TradeNameView(
      long id, String name, TradeNameBasis basis, String section, String evidence, String verifiedBy, Instant verifiedAt,
      boolean current) {
    static TradeNameView of(TradeName t, boolean current) {
      return new TradeNameView(
          t.getId(), t.getName(), t.getBasis(), t.getBasis().section(), t.getEvidence(), t.getOfficer(), t.getVerifiedAt(),
          current);
    }
  }

  public record EntryDetail(EntryView entry, List<ChangeView> changes, List<TradeNameView> tradeNames) {}

  public record ImportReport(
      long importId,
      DirectoryImportFormat format,
      String fileName,
      String sha256,
      long sizeBytes,
      String source,
      String importedBy,
      Instant importedAt,
      long imported,
      long updated,
      long unchanged,
      long skipped,
      long errorCount,
      List<LineError> errors) {
    static ImportReport of(DirectoryImport i, boolean withErrors) {
      return new ImportReport(
          i.getId(), i.getFormat(), i.getFileName(), i.getSha256(), i.getSizeBytes(), i.getSource(),
          i.getImportedBy(), i.getImportedAt(), i.getImportedCount(), i.getUpdatedCount(),
          i.getUnchangedCount(), i.getSkippedCount(), i.getErrorCount(),
          withErrors
              ? i.getErrors().stream().map(e -> new LineError(e.getLine(), e.getMessage())).toList()
              : null);
    }
  }

  /** By 法人番号 (exact) or by part of the English or Japanese name; exactly one of them. */
  @GetMapping
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public List<EntryView> lookUp(
      @RequestParam(required = false) String corporateNumber,
      @RequestParam(required = false) String name) {
    boolean byNumber = corporateNumber != null && !corporateNumber.isBlank();
    boolean byName = name != null && !name.isBlank();
    if (byNumber == byName) {
      throw new DirectoryCorrectionRefused(DirectoryCorrectionRefused.Why.LOOKUP_UNCLEAR, "give either corporateNumber (13 digits) or name (part of it)");
    }
    if (byNumber) {
      return directory.byCorporateNumber(corporateNumber).map(EntryView::of).stream().toList();
    }
    if (name.length() > 256) {
      throw new DirectoryCorrectionRefused(DirectoryCorrectionRefused.Why.LOOKUP_UNCLEAR, "name: at most 256 characters");
    }
    return directory.byName(name).stream().map(EntryView::of).toList();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public EntryDetail get(@PathVariable long id) {
    OrganizationDirectoryEntry entry =
        directory.byId(id).orElseThrow(() -> new DirectoryEntryNotFoundException(id));
    return detail(entry);
  }

  @PostMapping("/{id}/corrections")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER')")
  public EntryDetail correct(
      @PathVariable long id, @Valid @RequestBody DirectoryCorrection correction, Principal officer) {
    return detail(corrections.correct(id, correction, officer.getName()));
  }

  /**
   * Records a DBA or trade name after the officer verified the organization's right to it by one
   * of BR 3.2.2.2's means; from then on a CSR may state it in O, alone or as "DBA (Name)".
   */
  @PostMapping("/{id}/trade-names")
  @PreAuthorize("hasAnyRole('OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<EntryDetail> verifyTradeName(
      @PathVariable long id, @RequestBody TradeNames.Verification verification, Principal officer) {
    TradeName saved = tradeNames.verify(id, verification, officer.getName());
    return ResponseEntity.created(URI.create("/api/organization-directory/" + id))
        .body(detail(directory.byId(saved.getEntryId()).orElseThrow()));
  }

  @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @PreAuthorize("hasRole('OPERATIONS')")
  public ResponseEntity<ImportReport> importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "source", required = false) String source,
      Principal operator)
      throws IOException {
    if (file == null) {
      throw new DirectoryImportRefused("the multipart field 'file' with the directory file is missing");
    }
    return imported(imports.importFile(file.getOriginalFilename(), file.getBytes(), operator.getName(), source));
  }

  @PostMapping(path = "/imports")
  @PreAuthorize("hasRole('OPERATIONS')")
  public ResponseEntity<ImportReport> importBody(
      @RequestBody(required = false) byte[] body,
      @RequestParam(name = "fileName", required = false) String fileName,
      @RequestParam(name = "source", required = false) String source,
      Principal operator) {
    return imported(
        imports.importFile(fileName, body == null ? new byte[0] : body, operator.getName(), source));
  }

  @GetMapping("/imports")
  @PreAuthorize("hasAnyRole('OPERATIONS', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public List<ImportReport> recentImports() {
    return imports.recent().stream().map(i -> ImportReport.of(i, false)).toList();
  }

  @GetMapping("/imports/{importId}")
  @PreAuthorize("hasAnyRole('OPERATIONS', 'OFFICER', 'SENIOR_OFFICER', 'AUDITOR')")
  public ImportReport importReport(@PathVariable long importId) {
    return imports
        .find(importId)
        .map(i -> ImportReport.of(i, true))
        .orElseThrow(() -> new DirectoryEntryNotFoundException.ImportNotFound(importId));
  }

  @ExceptionHandler({DirectoryImportRefused.class, DirectoryCorrectionRefused.class})
  ProblemDetail refused(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle(e instanceof DirectoryImportRefused ? "Directory file refused" : "Directory request refused");
    return problem;
  }

  @ExceptionHandler(TradeNameRefused.class)
  ProblemDetail tradeNameRefused(TradeNameRefused e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Trade name refused");
    return problem;
  }

  @ExceptionHandler(DirectoryEntryNotFoundException.class)
  ProblemDetail notFound(DirectoryEntryNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  private EntryDetail detail(OrganizationDirectoryEntry entry) {
    java.util.Set<Long> current =
        tradeNames.current(entry.getId()).stream().map(TradeName::getId).collect(java.util.stream.Collectors.toSet());
    return new EntryDetail(
        EntryView.of(entry), corrections.of(entry.getId()).stream().map(ChangeView::of).toList(),
        tradeNames.all(entry.getId()).stream().map(t -> TradeNameView.of(t, current.contains(t.getId()))).toList());
  }

  private static ResponseEntity<ImportReport> imported(DirectoryImport run) {
    return ResponseEntity.created(URI.create("/api/organization-directory/imports/" + run.getId()))
        .body(ImportReport.of(run, true));
  }
}
