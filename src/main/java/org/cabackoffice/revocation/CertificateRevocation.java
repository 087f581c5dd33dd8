package org.cabackoffice.revocation;

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
 * That a certificate is revoked: final, one per serial, kept as long as the certificate's records
 * (BR 5.4.3). {@code revokedAt} is the revocationDate CRLs and OCSP publish.
 */
@Entity
@Table(name = "certificate_revocation")
public class CertificateRevocation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The certificate's serial in stored form (lower-case hex, as {@code issued_certificate}). */
  @Column(nullable = false, unique = true, length = 42)
  private String serial;

  /** Empty for a precertificate whose certificate was never issued (BR 7.1.2.9). */
  @Column(name = "issued_certificate_id")
  private Long issuedCertificateId;

  /** For a precertificate without certificate: the CRL shard its distribution point names. */
  @Column(name = "precertificate_crl_shard")
  private Integer precertificateCrlShard;

  /** For a precertificate without certificate: its notAfter, until which the CRL lists it. */
  @Column(name = "precertificate_not_after")
  private Instant precertificateNotAfter;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private RevocationReason reason;

  @Column(name = "revoked_at", nullable = false)
  private Instant revokedAt;

  /** The user ID of who decided it, or {@code system} for a rule (e.g. a blocked key). */
  @Column(name = "revoked_by", nullable = false, length = 128)
  private String revokedBy;

  /** What the revocation rests on: the request's id, a problem report, the compromised key. */
  @Column(nullable = false, length = 2000)
  private String basis;

  protected CertificateRevocation() {}

  CertificateRevocation(
      String serial,
      Long issuedCertificateId,
      RevocationReason reason,
      Instant revokedAt,
      String revokedBy,
      String basis) {
    this.serial = serial;
    this.issuedCertificateId = issuedCertificateId;
    this.reason = reason;
    this.revokedAt = revokedAt;
    this.revokedBy = revokedBy;
    this.basis = basis;
  }

  /** The revocation of a precertificate whose certificate was never issued (BR 7.1.2.9). */
  static CertificateRevocation ofPrecertificate(
      String serial,
      int crlShard,
      Instant notAfter,
      RevocationReason reason,
      Instant revokedAt,
      String revokedBy,
      String basis) {
    CertificateRevocation revocation =
        new CertificateRevocation(serial, null, reason, revokedAt, revokedBy, basis);
    revocation.precertificateCrlShard = crlShard;
    revocation.precertificateNotAfter = notAfter;
    return revocation;
  }

  /** The CRL shard of a revoked precertificate without certificate; empty for a certificate. */
  public java.util.OptionalInt precertificateCrlShard() {
    return precertificateCrlShard == null
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(precertificateCrlShard);
  }

  public String serial() {
    return serial;
  }

  /** The revoked certificate's id; null for a precertificate whose certificate was never issued. */
  public Long issuedCertificateId() {
    return issuedCertificateId;
  }

  public RevocationReason reason() {
    return reason;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedBy() {
    return revokedBy;
  }

  public String basis() {
    return basis;
  }
}
