package org.cabackoffice.revocationplan;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A planned revocation of a set of certificates (BR 5.7.1.2), with who proposed and who approved
 * it and when; kept like every revocation record (BR 5.4.1).
 */
@Entity
@Table(name = "revocation_plan")
public class RevocationPlan {

  /**
   * Proposed by an officer; approved by a second one, from then on ARI shows it; withdrawn by an
   * officer when it will not happen, from then on ARI no longer shows it.
   */
  public enum Status {
    PROPOSED,
    APPROVED,
    WITHDRAWN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 2000)
  private String purpose;

  @Column(nullable = false, length = 1000)
  private String criterion;

  @Column(name = "planned_revocation_at", nullable = false)
  private Instant plannedRevocationAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "proposed_by", nullable = false, length = 128)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false)
  private Instant proposedAt;

  @Column(name = "approved_by", length = 128)
  private String approvedBy;

  @Column(name = "approved_at")
  private Instant approvedAt;

  @Column(name = "withdrawn_by", length = 128)
  private String withdrawnBy;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawal_reason", length = 2000)
  private String withdrawalReason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "revocation_plan_certificate", joinColumns = @JoinColumn(name = "revocation_plan_id"))
  @Column(name = "serial", nullable = false, length = 42)
  private List<String> serials = new ArrayList<>();

  protected RevocationPlan() {}

  RevocationPlan(
      String purpose, String criterion, Instant plannedRevocationAt, List<String> serials, String proposedBy, Instant at) {
    this.purpose = purpose;
    this.criterion = criterion;
    this.plannedRevocationAt = plannedRevocationAt;
    this.serials = new ArrayList<>(serials);
    this.status = Status.PROPOSED;
    this.proposedBy = proposedBy;
    this.proposedAt = at;
  }

  void approve(String officer, Instant at) {
    this.status = Status.APPROVED;
    this.approvedBy = officer;
    this.approvedAt = at;
  }

  void withdraw(String officer, String reason, Instant at) {
    this.status = Status.WITHDRAWN;
    this.withdrawnBy = officer;
    this.withdrawalReason = reason;
    this.withdrawnAt = at;
  }

  public String getWithdrawnBy() {
    return withdrawnBy;
  }

  public Instant getWithdrawnAt() {
    return withdrawnAt;
  }

  public String getWithdrawalReason() {
    return withdrawalReason;
  }

  public Long getId() {
    return id;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getCriterion() {
    return criterion;
  }

  public Instant getPlannedRevocationAt() {
    return plannedRevocationAt;
  }

  public Status getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public List<String> getSerials() {
    return List.copyOf(serials);
  }
}
