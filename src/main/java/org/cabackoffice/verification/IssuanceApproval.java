package org.cabackoffice.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The senior officer's decision to issue, or not (EV Guidelines 5.2.4). */
@Entity
@Table(name = "issuance_approval")
public class IssuanceApproval {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(nullable = false)
  private String approver;

  @Column(nullable = false)
  private boolean approved;

  @Column(length = 2000)
  private String note;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected IssuanceApproval() {}

  IssuanceApproval(long applicationId, String approver, boolean approved, String note, Instant at) {
    this.applicationId = applicationId;
    this.approver = approver;
    this.approved = approved;
    this.note = note;
    this.decidedAt = at;
  }

  public String getApprover() {
    return approver;
  }

  public boolean isApproved() {
    return approved;
  }

  public String getNote() {
    return note;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
