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
 * was past its reuse period (BR 4.2.1, 3.2.2.1; the guide's phone check through the main number).
 * Later orders reuse it as they reuse a verification.
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

  protected AcmeIdentityConfirmation() {}

  AcmeIdentityConfirmation(long orderId, long organizationEntryId, String officer, String note, Instant confirmedAt) {
    this.orderId = orderId;
    this.organizationEntryId = organizationEntryId;
    this.officer = officer;
    this.note = note;
    this.confirmedAt = confirmedAt;
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
