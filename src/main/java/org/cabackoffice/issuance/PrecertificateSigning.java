package org.cabackoffice.issuance;

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
 * One precertificate the CA key was asked to sign (RFC 6962 3.1), recorded before the key signs
 * like a {@link CertificateSigning}. A signed precertificate (profiled in BR 7.1.2.9) is taken by
 * the root programs as evidence that the certificate with its serial exists (Mozilla Root Store
 * Policy), so it is kept here, even when logging failed and the final certificate never followed.
 */
@Entity
@Table(name = "precertificate_signing")
public class PrecertificateSigning {

  /** What came of a precertificate signing. */
  public enum State {
    /** Recorded; the key is signing or was when the system stopped. */
    STARTED,
    /** Signed and kept; {@link #detail()} says which logs answered, or which one failed. */
    SIGNED,
    /** The key refused, or what it signed was discarded. */
    FAILED,
    /** Found still STARTED at start-up: whether the key signed is unknown. */
    INTERRUPTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 42)
  private String serial;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "tbs_sha256", nullable = false, length = 64)
  private String tbsSha256;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private State state;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(length = 2000)
  private String detail;

  @Column(name = "precertificate_pem", length = 262144)
  private String precertificatePem;

  protected PrecertificateSigning() {}

  PrecertificateSigning(String serial, Long applicationId, String tbsSha256, Instant startedAt) {
    this.serial = serial;
    this.applicationId = applicationId;
    this.tbsSha256 = tbsSha256;
    this.state = State.STARTED;
    this.startedAt = startedAt;
  }

  void signed(String pem, Instant at) {
    finish(State.SIGNED, null, at);
    precertificatePem = pem;
  }

  void failed(String reason, Instant at) {
    finish(State.FAILED, reason, at);
  }

  void interrupted(String reason, Instant at) {
    finish(State.INTERRUPTED, reason, at);
  }

  /** What the logs made of a signed precertificate: who returned SCTs, or why none were enough. */
  void logged(String outcome) {
    detail = outcome == null || outcome.length() <= 2000 ? outcome : outcome.substring(0, 2000);
  }

  private void finish(State outcome, String reason, Instant at) {
    state = outcome;
    logged(reason);
    finishedAt = at;
  }

  public String serial() {
    return serial;
  }

  public Long applicationId() {
    return applicationId;
  }

  public String tbsSha256() {
    return tbsSha256;
  }

  public State state() {
    return state;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String detail() {
    return detail;
  }

  public String precertificatePem() {
    return precertificatePem;
  }
}
