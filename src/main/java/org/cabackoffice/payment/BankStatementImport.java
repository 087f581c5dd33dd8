package org.cabackoffice.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One statement file posted by an officer or by operations' daily run. */
@Entity
@Table(name = "bank_statement_import")
public class BankStatementImport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "file_name", nullable = false, updatable = false, length = 255)
  private String fileName;

  @Column(name = "sha256", nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Enumerated(EnumType.STRING)
  @Column(name = "format", nullable = false, updatable = false, length = 16)
  private BankStatementFormat format;

  @Column(name = "imported_by", nullable = false, updatable = false, length = 128)
  private String importedBy;

  @Column(name = "imported_at", nullable = false, updatable = false)
  private Instant importedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "matched_count", nullable = false)
  private long matchedCount;

  @Column(name = "unmatched_count", nullable = false)
  private long unmatchedCount;

  @Column(name = "duplicate_count", nullable = false)
  private long duplicateCount;

  @Column(name = "error_count", nullable = false)
  private long errorCount;

  protected BankStatementImport() {}

  BankStatementImport(
      String fileName,
      String sha256,
      long sizeBytes,
      BankStatementFormat format,
      String importedBy,
      Instant importedAt) {
    this.fileName = fileName;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.format = format;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  void complete(long matched, long unmatched, long duplicates, long errors, Instant when) {
    this.matchedCount = matched;
    this.unmatchedCount = unmatched;
    this.duplicateCount = duplicates;
    this.errorCount = errors;
    this.completedAt = when;
  }

  public Long getId() {
    return id;
  }

  public String getFileName() {
    return fileName;
  }

  public String getSha256() {
    return sha256;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  public BankStatementFormat getFormat() {
    return format;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public long getMatchedCount() {
    return matchedCount;
  }

  public long getUnmatchedCount() {
    return unmatchedCount;
  }

  public long getDuplicateCount() {
    return duplicateCount;
  }

  public long getErrorCount() {
    return errorCount;
  }
}
