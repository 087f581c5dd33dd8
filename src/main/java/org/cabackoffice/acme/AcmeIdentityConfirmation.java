package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An officer's confirmation of the organization's identity for an order whose earlier validation
 * was past its reuse period (BR 4.2.1, 3.2.2.1; the guide's phone check through the main number),
 * and the second officer's decision on it (EV Guidelines 5.2.4), as the renewal's phone and
 * approval stages. Later orders reuse it as they reuse a verification, once approved.
 */
@Entity
@Table(name = "acme_identity_confirmation")
public class AcmeIdentityConfirmation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false)
  private long orderId;

  @Column(name = "organization_entry_id", nullable = false)
  private long organizationEntryId;

  @Column(nullable = false, length = 128)
  private String officer;

  @Column(length = 2000)
  private String note;

  @Column(name = "confirmed_at", nullable = false)
  private Instant confirmedAt;

  /** Null for a confirmation from before the approval step, which stands as it was recorded. */
  @Column(length = 16)
  private String approval;

  @Column(name = "approved_by", length = 128)
  private String approvedBy;

  @Column(name = "approval_note", length = 2000)
  private String approvalNote;

  @Column(name = "approved_at")
  private Instant approvedAt;

  static final String PENDING = "PENDING";
  static final String APPROVED = "APPROVED";
  static final String REFUSED = "REFUSED";
  /** The order ended (a document refused, a wait run out) before a second officer decided. */
  static final String ENDED = "ENDED";

  protected AcmeIdentityConfirmation() {}

  AcmeIdentityConfirmation(long orderId, long organizationEntryId, String officer, String note, Instant confirmedAt) {
    this.orderId = orderId;
    this.organizationEntryId = organizationEntryId;
    this.officer = officer;
    this.note = note;
    this.confirmedAt = confirmedAt;
    this.approval = PENDING;
  }

  void decided(String approver, boolean approved, String note, Instant at) {
    this.approval = approved ? APPROVED : REFUSED;
    this.approvedBy = approver;
    this.approvalNote = note;
    this.approvedAt = at;
  }

  /**
   * The order ended before the approval: the call stays as evidence, but it is no longer waiting
   * for a second officer, and says why (nobody approved it, so no later order reuses it).
   */
  void endedWithTheOrder(String reason, Instant at) {
    if (pending()) {
      this.approval = ENDED;
      this.approvalNote = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
      this.approvedAt = at;
    }
  }

  /** Whether later orders may rely on it: approved, or recorded before approvals existed. */
  public boolean reusable() {
    return approval == null || APPROVED.equals(approval);
  }

  public boolean pending() {
    return PENDING.equals(approval);
  }

  public String getApproval() {
    return approval;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public String getApprovalNote() {
    return approvalNote;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public Long getId() {
    return id;
  }

  public long getOrderId() {
    return orderId;
  }

  public long getOrganizationEntryId() {
    return organizationEntryId;
  }

  public String getOfficer() {
    return officer;
  }

  public String getNote() {
    return note;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }
}
