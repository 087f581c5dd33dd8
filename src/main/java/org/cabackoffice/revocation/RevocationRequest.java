package org.cabackoffice.revocation;

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
 * A request to revoke one certificate and every decision taken on it (BR 4.9.2, 5.4.1): who asked,
 * who investigated, who proposed and who approved, when, and on what evidence. Never deleted.
 */
@Entity
@Table(name = "revocation_request")
public class RevocationRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 42)
  private String serial;

  @Column(name = "application_id")
  private Long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private RevocationOrigin origin;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private RevocationRequestStatus status;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private RevocationReason reason;

  @Column(length = 2000)
  private String comment;

  @Column(name = "requested_by", nullable = false, length = 320)
  private String requestedBy;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "proposed_by", length = 128)
  private String proposedBy;

  @Column(name = "reporter_email", length = 320)
  private String reporterEmail;

  @Column(name = "report_text", length = 4000)
  private String reportText;

  @Column(name = "proof_csr", length = 16384)
  private String proofCsr;

  @Column(name = "proven_spki_sha256", length = 64)
  private String provenSpkiSha256;

  @Column(name = "investigated_by", length = 128)
  private String investigatedBy;

  @Column(name = "investigated_at")
  private Instant investigatedAt;

  @Column(length = 4000)
  private String findings;

  @Column(name = "approved_by", length = 128)
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "approval_note", length = 2000)
  private String approvalNote;

  @Column(name = "preliminary_report_at")
  private Instant preliminaryReportAt;

  /** BR 4.9.5: the preliminary report the process mailed itself, no officer having finished. */
  @Column(name = "automatic_report_at")
  private Instant automaticReportAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "closed_by", length = 128)
  private String closedBy;

  @Column(name = "close_reason", length = 2000)
  private String closeReason;

  protected RevocationRequest() {}

  RevocationRequest(
      String serial,
      Long applicationId,
      RevocationOrigin origin,
      RevocationRequestStatus status,
      RevocationReason reason,
      String comment,
      String requestedBy,
      Instant requestedAt) {
    this.serial = serial;
    this.applicationId = applicationId;
    this.origin = origin;
    this.status = status;
    this.reason = reason;
    this.comment = comment;
    this.requestedBy = requestedBy;
    this.requestedAt = requestedAt;
  }

  void proposedBy(String officer) {
    this.proposedBy = officer;
  }

  void reported(String reporterEmail, String reportText, String proofCsr, String provenSpkiSha256) {
    this.reporterEmail = reporterEmail;
    this.reportText = reportText;
    this.proofCsr = proofCsr;
    this.provenSpkiSha256 = provenSpkiSha256;
  }

  void investigated(String officer, Instant at, String findings, RevocationReason reason) {
    this.investigatedBy = officer;
    this.investigatedAt = at;
    this.findings = findings;
    if (reason != null) {
      this.reason = reason;
      this.proposedBy = officer;
      this.status = RevocationRequestStatus.AWAITING_APPROVAL;
    } else {
      close(RevocationRequestStatus.NO_ACTION, officer, at, "investigated: no revocation needed");
    }
  }

  void approved(String approver, Instant at, String note) {
    this.approvedBy = approver;
    this.approvedAt = at;
    this.approvalNote = note;
    this.status = RevocationRequestStatus.REVOKING;
  }

  void notApproved(String approver, Instant at, String note) {
    this.approvedBy = approver;
    this.approvedAt = at;
    this.approvalNote = note;
    close(RevocationRequestStatus.NOT_APPROVED, approver, at, "not approved");
  }

  void revoked(Instant at) {
    close(RevocationRequestStatus.REVOKED, null, at, null);
  }

  void preliminaryReportSent(Instant at) {
    if (preliminaryReportAt == null) {
      this.preliminaryReportAt = at;
    }
  }

  void automaticReportSent(Instant at) {
    if (automaticReportAt == null) {
      this.automaticReportAt = at;
    }
  }

  void close(RevocationRequestStatus finalStatus, String by, Instant at, String why) {
    this.status = finalStatus;
    this.closedBy = by;
    this.closedAt = at;
    this.closeReason = why;
  }

  public Long id() {
    return id;
  }

  public String serial() {
    return serial;
  }

  public Long applicationId() {
    return applicationId;
  }

  public RevocationOrigin origin() {
    return origin;
  }

  public RevocationRequestStatus status() {
    return status;
  }

  public RevocationReason reason() {
    return reason;
  }

  public String comment() {
    return comment;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public String proposedBy() {
    return proposedBy;
  }

  public String reporterEmail() {
    return reporterEmail;
  }

  public String reportText() {
    return reportText;
  }

  public String provenSpkiSha256() {
    return provenSpkiSha256;
  }

  public String investigatedBy() {
    return investigatedBy;
  }

  public Instant investigatedAt() {
    return investigatedAt;
  }

  public String findings() {
    return findings;
  }

  public String approvedBy() {
    return approvedBy;
  }

  public Instant approvedAt() {
    return approvedAt;
  }

  public String approvalNote() {
    return approvalNote;
  }

  public Instant preliminaryReportAt() {
    return preliminaryReportAt;
  }

  public Instant automaticReportAt() {
    return automaticReportAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String closedBy() {
    return closedBy;
  }

  public String closeReason() {
    return closeReason;
  }
}
