package org.cabackoffice.verification;

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
 * A change of a directory entry, kept for good: the entry is the source of the number officers
 * call and of the EV subject, so who changed it, when, from what to what and why is part of the
 * verification record (BR 5.4.1).
 */
@Entity
@Table(name = "organization_directory_change")
public class DirectoryChange {

  /** How the entry changed. */
  public enum Kind {
    IMPORT,
    CORRECTION,
    /** An organization the directory lacked, recorded by an officer from its registry certificate. */
    RECORDED,
    /** A DBA or trade name whose use an officer verified (BR 3.2.2.2); the entry's values stay. */
    TRADE_NAME
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "entry_id", nullable = false)
  private long entryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "import_id")
  private Long importId;

  @Column(name = "changed_by", nullable = false)
  private String changedBy;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "before_state", length = 4000)
  private String beforeState;

  @Column(name = "after_state", nullable = false, length = 4000)
  private String afterState;

  @Column(nullable = false, length = 2000)
  private String reason;

  protected DirectoryChange() {}

  DirectoryChange(
      long entryId,
      Kind kind,
      Long importId,
      String changedBy,
      Instant changedAt,
      String beforeState,
      String afterState,
      String reason) {
    this.entryId = entryId;
    this.kind = kind;
    this.importId = importId;
    this.changedBy = changedBy;
    this.changedAt = changedAt;
    this.beforeState = beforeState;
    this.afterState = afterState;
    this.reason = reason;
  }

  public Long getId() {
    return id;
  }

  public long getEntryId() {
    return entryId;
  }

  public Kind getKind() {
    return kind;
  }

  public Long getImportId() {
    return importId;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getBeforeState() {
    return beforeState;
  }

  public String getAfterState() {
    return afterState;
  }

  public String getReason() {
    return reason;
  }
}
