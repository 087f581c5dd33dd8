package org.cabackoffice.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.issuance.OrphanPrecertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one place a certificate becomes revoked, and where its status is read. */
@Service
public class CertificateRevocations {

  private static final Logger log = LoggerFactory.getLogger(CertificateRevocations.class);

  /** {@code revokedBy} when a rule decided, not a person (a proven key compromise). */
  public static final String SYSTEM = "system";

  private final CertificateRevocationRepository revocations;
  private final IssuedCertificates certificates;
  private final OrphanPrecertificates precertificates;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public CertificateRevocations(
      CertificateRevocationRepository revocations,
      IssuedCertificates certificates,
      OrphanPrecertificates precertificates,
      ApplicationEventPublisher events,
      Clock clock) {
    this.revocations = revocations;
    this.certificates = certificates;
    this.precertificates = precertificates;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Revokes the certificate now. Revocation is final: revoking one already revoked changes nothing
   * and answers the first record (a retried job, two officers at once).
   *
   * @throws IllegalArgumentException when no certificate with that serial is recorded
   */
  @Transactional
  public CertificateRevocation revoke(
      String serialHex, RevocationReason reason, String revokedBy, String basis) {
    Optional<IssuedCertificate> certificate = certificates.findBySerial(serialHex);
    if (certificate.isEmpty()) {
      return revokePrecertificate(serialHex, reason, revokedBy, basis);
    }
    Optional<CertificateRevocation> earlier = revocations.findBySerial(certificate.get().serial());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    CertificateRevocation revocation =
        revocations.saveAndFlush(
            new CertificateRevocation(
                certificate.get().serial(),
                certificate.get().id(),
                reason,
                clock.instant(),
                revokedBy,
                basis));
    log.info(
        "certificate {} revoked ({}) by {}", revocation.serial(), reason.rfc5280Name(), revokedBy);
    events.publishEvent(new CertificateRevoked(revocation));
    return revocation;
  }

  /**
   * BR 7.1.2.9: a precertificate is presumed to have a certificate, so one whose certificate was
   * never issued is revoked like a certificate and listed on the CRL shard it names.
   */
  private CertificateRevocation revokePrecertificate(
      String serialHex, RevocationReason reason, String revokedBy, String basis) {
    OrphanPrecertificates.OrphanPrecertificate precertificate =
        precertificates
            .find(serialHex)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no certificate with serial " + serialHex + " is recorded"));
    Optional<CertificateRevocation> earlier = revocations.findBySerial(precertificate.serial());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    CertificateRevocation revocation =
        revocations.saveAndFlush(
            CertificateRevocation.ofPrecertificate(
                precertificate.serial(),
                precertificate.crlShard(),
                precertificate.notAfter(),
                reason,
                clock.instant(),
                revokedBy,
                basis));
    log.info(
        "precertificate {} (no certificate issued) revoked ({}) by {}",
        revocation.serial(), reason.rfc5280Name(), revokedBy);
    events.publishEvent(new CertificateRevoked(revocation));
    return revocation;
  }

  /** The revocation of the certificate with that serial, if it is revoked. */
  @Transactional(readOnly = true)
  public Optional<CertificateRevocation> find(String serialHex) {
    return revocations.findBySerial(CertificateSerial.normalize(serialHex));
  }

  /**
   * What a shard of the issuing CA's CRL lists: revocations of its certificates, leaving out those
   * that expired before {@code expiredSince} (the previous CRL of the shard already listed them
   * after their expiry, RFC 5280 3.3).
   */
  @Transactional(readOnly = true)
  public List<CertificateRevocation> onCrlShard(int shard, Instant expiredSince) {
    List<CertificateRevocation> listed = new java.util.ArrayList<>(revocations.findOnCrlShard(shard, expiredSince));
    listed.addAll(revocations.findPrecertificatesOnCrlShard(shard, expiredSince));
    listed.sort(java.util.Comparator.comparing(CertificateRevocation::revokedAt));
    return listed;
  }

  /** Whether a certificate on the shard was revoked after {@code since}. */
  @Transactional(readOnly = true)
  public boolean revokedOnCrlShardAfter(int shard, Instant since) {
    return revocations.countOnCrlShardRevokedAfter(shard, since) > 0
        || revocations.countPrecertificatesOnCrlShardRevokedAfter(shard, since) > 0;
  }

  /** Every revocation, oldest first. */
  @Transactional(readOnly = true)
  public List<CertificateRevocation> all() {
    return revocations.findAllByOrderByIdAsc();
  }
}
