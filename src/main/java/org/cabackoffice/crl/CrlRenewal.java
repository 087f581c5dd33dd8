package org.cabackoffice.crl;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocation.CertificateRevoked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When CRLs are signed (BR 4.9.7): right after a revocation commits, the CRL of the revoked
 * certificate's shard; and on every node each {@code check-interval}, whatever is due — a shard
 * without a CRL, one whose CRL is {@code refresh-after} old or older than a revocation (one
 * committed by another node, or whose after-commit signing failed), and the ARL.
 */
@Component
class CrlRenewal {

  private static final Logger log = LoggerFactory.getLogger(CrlRenewal.class);

  private final CrlPublication publication;
  private final CertificateRevocations revocations;
  private final IssuedCertificates certificates;
  private final RootSignedCertificates rootSigned;
  private final CrlProperties properties;
  private final Clock clock;

  CrlRenewal(
      CrlPublication publication,
      CertificateRevocations revocations,
      IssuedCertificates certificates,
      RootSignedCertificates rootSigned,
      CrlProperties properties,
      Clock clock) {
    this.publication = publication;
    this.revocations = revocations;
    this.certificates = certificates;
    this.rootSigned = rootSigned;
    this.properties = properties;
    this.clock = clock;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void revoked(CertificateRevoked event) {
    String serial = event.revocation().serial();
    try {
      // A precertificate whose certificate was never issued carries its shard on the revocation.
      java.util.OptionalInt precertificateShard = event.revocation().precertificateCrlShard();
      if (precertificateShard.isPresent()) {
        publication.publishShard(precertificateShard.getAsInt());
        return;
      }
      certificates
          .findBySerial(serial)
          .flatMap(c -> c.crlShard().isPresent() ? Optional.of(c.crlShard().getAsInt()) : Optional.empty())
          .ifPresent(publication::publishShard);
    } catch (RuntimeException e) {
      // The revocation stands; the next check signs the CRL (within check-interval).
      log.warn("Signing the CRL after revoking {} failed; the next check retries: {}", serial, e.toString());
    }
  }

  @Scheduled(
      fixedDelayString = "${backoffice.crl.check-interval:5m}",
      initialDelayString = "${backoffice.crl.initial-delay:10s}")
  void check() {
    try {
      publishDue();
    } catch (RuntimeException e) {
      log.warn("Signing due CRLs failed; the next check retries", e);
    }
  }

  /** Signs every CRL that is due now; see the class comment for what is due. */
  void publishDue() {
    Instant now = clock.instant();
    for (int shard = 0; shard <= publication.highestShard(); shard++) {
      Optional<PublishedCrl> latest = publication.latestShard(shard);
      String why = null;
      if (latest.isEmpty()) {
        why = "it has no CRL yet";
      } else if (!latest.get().thisUpdate().plus(properties.refreshAfter()).isAfter(now)) {
        why = "its CRL is " + properties.refreshAfter() + " old";
      } else if (revocations.revokedOnCrlShardAfter(shard, latest.get().thisUpdate())) {
        why = "a certificate on it was revoked since its CRL";
      }
      if (why != null) {
        log.info("Signing a CRL of shard {}: {}", shard, why);
        publication.publishShard(shard);
      }
    }
    Optional<PublishedCrl> arl = publication.latestArl();
    if (arl.isEmpty() || !arl.get().thisUpdate().plus(properties.arlRefreshAfter()).isAfter(now)) {
      publication.publishArl(
          CrlPublication.SYSTEM,
          arl.isEmpty() ? "first ARL" : "the last ARL is " + properties.arlRefreshAfter() + " old");
    } else if (rootSigned.revokedAfter(arl.get().thisUpdate())) {
      // The ARL signed right after a CA certificate's revocation failed (BR 4.9.7: within 24 hours).
      publication.publishArl(CrlPublication.SYSTEM, "a CA certificate was revoked since the last ARL");
    }
  }
}
