package org.cabackoffice.acme;

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
 * What paid for one order: units taken from a contract, or an officer's approval of an order
 * beyond the contract (who and why, kept with the order's history; BR 5.4.1). One per order: the
 * unique order id makes a retried step find it instead of consuming twice.
 */
@Entity
@Table(name = "acme_contract_use")
public class AcmeContractUse {

  /** Where the order's payment came from. */
  public enum Basis {
    CONTRACT,
    OFFICER_APPROVAL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "order_id", nullable = false, updatable = false, unique = true)
  private long orderId;

  @Column(name = "contract_id", updatable = false)
  private Long contractId;

  @Column(nullable = false, updatable = false)
  private int units;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Basis basis;

  @Column(name = "beyond_reason", updatable = false, length = 2000)
  private String beyondReason;

  @Column(updatable = false, length = 128)
  private String officer;

  @Column(name = "officer_reason", updatable = false, length = 2000)
  private String officerReason;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected AcmeContractUse() {}

  private AcmeContractUse(long orderId, Long contractId, int units, Basis basis, String beyondReason, String officer,
      String officerReason, Instant recordedAt) {
    this.orderId = orderId;
    this.contractId = contractId;
    this.units = units;
    this.basis = basis;
    this.beyondReason = beyondReason;
    this.officer = officer;
    this.officerReason = officerReason;
    this.recordedAt = recordedAt;
  }

  static AcmeContractUse fromContract(long orderId, long contractId, int units, Instant at) {
    return new AcmeContractUse(orderId, contractId, units, Basis.CONTRACT, null, null, null, at);
  }

  static AcmeContractUse approvedBeyond(long orderId, int units, String beyondReason, String officer, String why,
      Instant at) {
    return new AcmeContractUse(orderId, null, units, Basis.OFFICER_APPROVAL, beyondReason, officer, why, at);
  }

  void released(Instant at) {
    this.releasedAt = at;
  }

  public Instant getReleasedAt() {
    return releasedAt;
  }

  public Long getId() {
    return id;
  }

  public long getOrderId() {
    return orderId;
  }

  public Long getContractId() {
    return contractId;
  }

  public int getUnits() {
    return units;
  }

  public Basis getBasis() {
    return basis;
  }

  public String getBeyondReason() {
    return beyondReason;
  }

  public String getOfficer() {
    return officer;
  }

  public String getOfficerReason() {
    return officerReason;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
