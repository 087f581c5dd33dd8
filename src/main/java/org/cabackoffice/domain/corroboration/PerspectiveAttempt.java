package org.cabackoffice.domain.corroboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.cabackoffice.input.Truncation;

/**
 * One remote perspective's attempt within a {@link Corroboration}: its identifier, region and
 * result, as BR 5.4.1 item 7 asks. Written once, never changed.
 */
@Entity
@Table(name = "mpic_perspective_attempt")
public class PerspectiveAttempt {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "corroboration_id", nullable = false)
  private long corroborationId;

  @Column(name = "perspective_id", nullable = false, length = 64)
  private String perspectiveId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RirRegion region;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private PerspectiveResult.Verdict verdict;

  @Column(nullable = false, length = 4000)
  private String detail;

  @Column(length = 64)
  private String dnssec;

  protected PerspectiveAttempt() {}

  PerspectiveAttempt(long corroborationId, PerspectiveResult result) {
    this.corroborationId = corroborationId;
    this.perspectiveId = Truncation.cut(result.perspectiveId(), 64);
    this.region = result.region();
    this.verdict = result.verdict();
    this.detail = Truncation.cut(result.detail() == null ? "-" : result.detail(), 4000);
    this.dnssec = result.dnssec() == null ? null : Truncation.cut(result.dnssec(), 64);
  }

  public Long getId() {
    return id;
  }

  public long getCorroborationId() {
    return corroborationId;
  }

  public String getPerspectiveId() {
    return perspectiveId;
  }

  public RirRegion getRegion() {
    return region;
  }

  public PerspectiveResult.Verdict getVerdict() {
    return verdict;
  }

  public String getDetail() {
    return detail;
  }

  public String getDnssec() {
    return dnssec;
  }
}
