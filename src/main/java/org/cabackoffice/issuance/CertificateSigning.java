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
 * One request to the CA key to sign a certificate, written before the key signs (Boulder's
 * issuance order): the serial and the hash of the linted TBS, then what came of it. Every serial
 * the key was ever asked to sign is here with its outcome (BR 5.4.1), so a crash between signing
 * and storing cannot leave a signed certificate nobody knows about.
 */
@Entity
@Table(name = "certificate_signing")
public class CertificateSigning {

  /** What came of a signing. */
  public enum State {
    /** Recorded; the key is signing or was when the system stopped. */
    STARTED,
    /** Signed, checked against the linted TBS and stored as an {@link IssuedCertificate}. */
    ISSUED,
    /** Signed, but storing it failed: the certificate is kept here and stored by the retry. */
    NOT_STORED,
    /** The key refused, or what it signed was discarded (TBS differs, signature does not verify). */
    FAILED,
    /**
     * Found still STARTED by a later attempt or at start-up: the system stopped while signing.
     * Whether the key signed is unknown; no certificate was stored or delivered.
     */
    INTERRUPTED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 42)
  private String serial;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "acme_order_id")
  private Long acmeOrderId;

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

  @Column(name = "certificate_pem", length = 262144)
  private String certificatePem;

  protected CertificateSigning() {}

  CertificateSigning(String serial, Long applicationId, String tbsSha256, Instant startedAt) {
    this.serial = serial;
    this.applicationId = applicationId;
    this.tbsSha256 = tbsSha256;
    this.state = State.STARTED;
    this.startedAt = startedAt;
  }

  CertificateSigning answering(Long order) {
    this.acmeOrderId = order;
    return this;
  }

  void issued(Instant at) {
    finish(State.ISSUED, null, at);
    certificatePem = null;
  }

  void notStored(String pem, String reason, Instant at) {
    finish(State.NOT_STORED, reason, at);
    certificatePem = pem;
  }

  void failed(String reason, Instant at) {
    finish(State.FAILED, reason, at);
  }

  void interrupted(String reason, Instant at) {
    finish(State.INTERRUPTED, reason, at);
  }

  private void finish(State outcome, String reason, Instant at) {
    state = outcome;
    detail = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    finishedAt = at;
  }

  public String serial() {
    return serial;
  }

  public Long applicationId() {
    return applicationId;
  }

  public Long acmeOrderId() {
    return acmeOrderId;
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

  /** The certificate signed but not yet stored ({@link State#NOT_STORED}), else null. */
  public String certificatePem() {
    return certificatePem;
  }
}
