package org.cabackoffice.crl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A certificate the root key signed (BR 5.4.1, 6.2.7): the issuing CA's, a cross-certificate, an
 * OCSP responder's if the root signs one. Its revocation is decided in a key ceremony outside the
 * back office and recorded here with four eyes; once revoked, the root's ARL lists it with its
 * reason (BR 4.9.7, 7.2.2).
 */
@Entity
@Table(name = "root_signed_certificate")
public class RootSignedCertificate {

  /** What the root certified. */
  public enum Kind {
    /** A subordinate CA of this back office that signs subscriber certificates. */
    ISSUING_CA,
    /** A CA certificate for another CA's key or another root (cross-certification, BR 1.6.1). */
    CROSS_CERTIFICATE,
    /** A delegated OCSP responder for the root's own certificates (RFC 6960 4.2.2.2). */
    OCSP_RESPONDER
  }

  /** Where the certificate stands. */
  public enum Status {
    ISSUED,
    /** One person asked for the revocation; a second has not confirmed it yet. */
    REVOCATION_REQUESTED,
    REVOKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "root_key_id", nullable = false, updatable = false, length = 128)
  private String rootKeyId;

  @Column(nullable = false, updatable = false, length = 42)
  private String serial;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 24)
  private Kind kind;

  @Column(nullable = false, updatable = false, length = 1024)
  private String subject;

  @Column(name = "not_before", nullable = false, updatable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false, updatable = false)
  private Instant notAfter;

  @Column(nullable = false, updatable = false)
  private byte[] der;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, updatable = false, length = 128)
  private String recordedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(name = "revocation_reason", length = 32)
  private CaCertificateRevocationReason revocationReason;

  @Column(name = "revocation_comment", length = 2000)
  private String revocationComment;

  @Column(name = "revocation_requested_by", length = 128)
  private String revocationRequestedBy;

  @Column(name = "revocation_requested_at")
  private Instant revocationRequestedAt;

  @Column(name = "revoked_by", length = 128)
  private String revokedBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected RootSignedCertificate() {}

  RootSignedCertificate(
      String rootKeyId,
      String serial,
      Kind kind,
      String subject,
      Instant notBefore,
      Instant notAfter,
      byte[] der,
      Instant recordedAt,
      String recordedBy) {
    this.rootKeyId = rootKeyId;
    this.serial = serial;
    this.kind = kind;
    this.subject = subject;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.der = der.clone();
    this.recordedAt = recordedAt;
    this.recordedBy = recordedBy;
    this.status = Status.ISSUED;
  }

  void revocationRequested(CaCertificateRevocationReason reason, String comment, String by, Instant at) {
    this.status = Status.REVOCATION_REQUESTED;
    this.revocationReason = reason;
    this.revocationComment = comment;
    this.revocationRequestedBy = by;
    this.revocationRequestedAt = at;
  }

  void revoked(String by, Instant at) {
    this.status = Status.REVOKED;
    this.revokedBy = by;
    this.revokedAt = at;
  }

  /** A declined or withdrawn request: the certificate stands as before; the audit log keeps the request. */
  void revocationDeclined() {
    this.status = Status.ISSUED;
    this.revocationReason = null;
    this.revocationComment = null;
    this.revocationRequestedBy = null;
    this.revocationRequestedAt = null;
  }

  public String serial() {
    return serial;
  }

  public Kind kind() {
    return kind;
  }

  public String subject() {
    return subject;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant notAfter() {
    return notAfter;
  }

  public byte[] der() {
    return der.clone();
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }

  public Status status() {
    return status;
  }

  public CaCertificateRevocationReason revocationReason() {
    return revocationReason;
  }

  public String revocationComment() {
    return revocationComment;
  }

  public String revocationRequestedBy() {
    return revocationRequestedBy;
  }

  public Instant revocationRequestedAt() {
    return revocationRequestedAt;
  }

  public String revokedBy() {
    return revokedBy;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
