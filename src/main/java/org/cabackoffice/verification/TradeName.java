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
 * A DBA or trade name an officer verified for a directory entry (BR 3.2.2.2): what it is, on what
 * basis, with which evidence, by whom and when. Never changed; a re-verification is a new row.
 */
@Entity
@Table(name = "organization_trade_name")
public class TradeName {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "entry_id", nullable = false)
  private long entryId;

  @Column(nullable = false, length = 64)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TradeNameBasis basis;

  @Column(nullable = false, length = 2000)
  private String evidence;

  @Column(nullable = false)
  private String officer;

  @Column(name = "verified_at", nullable = false)
  private Instant verifiedAt;

  protected TradeName() {}

  TradeName(long entryId, String name, TradeNameBasis basis, String evidence, String officer, Instant verifiedAt) {
    this.entryId = entryId;
    this.name = name;
    this.basis = basis;
    this.evidence = evidence;
    this.officer = officer;
    this.verifiedAt = verifiedAt;
  }

  public Long getId() {
    return id;
  }

  public long getEntryId() {
    return entryId;
  }

  public String getName() {
    return name;
  }

  public TradeNameBasis getBasis() {
    return basis;
  }

  public String getEvidence() {
    return evidence;
  }

  public String getOfficer() {
    return officer;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }
}
