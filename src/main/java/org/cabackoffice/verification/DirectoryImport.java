package org.cabackoffice.verification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.input.Truncation;

/** One directory file imported by operations: which file, who, when, and what came of it. */
@Entity
@Table(name = "organization_directory_import")
public class DirectoryImport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DirectoryImportFormat format;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Column(nullable = false)
  private String sha256;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(nullable = false)
  private String source;

  @Column(name = "imported_by", nullable = false)
  private String importedBy;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(name = "imported_count", nullable = false)
  private long importedCount;

  @Column(name = "updated_count", nullable = false)
  private long updatedCount;

  @Column(name = "unchanged_count", nullable = false)
  private long unchangedCount;

  @Column(name = "skipped_count", nullable = false)
  private long skippedCount;

  @Column(name = "error_count", nullable = false)
  private long errorCount;

  @ElementCollection
  @CollectionTable(
      name = "organization_directory_import_error",
      joinColumns = @JoinColumn(name = "import_id"))
  @OrderBy("line")
  private List<Error> errors = new ArrayList<>();

  /** A line the import could not take. */
  @Embeddable
  public static class Error {
    @Column(nullable = false)
    private long line;

    @Column(nullable = false, length = 500)
    private String message;

    protected Error() {}

    Error(long line, String message) {
      this.line = line;
      // The message quotes the refused line; a control character in it (PostgreSQL refuses a
      // NUL in text outright) is shown as U+FFFD, so the import report itself is always kept.
      this.message = Truncation.cut(message.replaceAll("\\p{Cntrl}", "\uFFFD"), 500);
    }

    public long getLine() {
      return line;
    }

    public String getMessage() {
      return message;
    }
  }

  protected DirectoryImport() {}

  DirectoryImport(
      DirectoryImportFormat format,
      String fileName,
      String sha256,
      long sizeBytes,
      String source,
      String importedBy,
      Instant importedAt) {
    this.format = format;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.source = source;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
  }

  void imported() {
    importedCount++;
  }

  void updated() {
    updatedCount++;
  }

  void unchanged() {
    unchangedCount++;
  }

  void skipped(long count) {
    skippedCount += count;
  }

  void error(long line, String message) {
    errors.add(new Error(line, message));
    errorCount++;
  }

  public Long getId() {
    return id;
  }

  public DirectoryImportFormat getFormat() {
    return format;
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

  public String getSource() {
    return source;
  }

  public String getImportedBy() {
    return importedBy;
  }

  public Instant getImportedAt() {
    return importedAt;
  }

  public long getImportedCount() {
    return importedCount;
  }

  public long getUpdatedCount() {
    return updatedCount;
  }

  public long getUnchangedCount() {
    return unchangedCount;
  }

  public long getSkippedCount() {
    return skippedCount;
  }

  public long getErrorCount() {
    return errorCount;
  }

  public List<Error> getErrors() {
    return List.copyOf(errors);
  }
}
