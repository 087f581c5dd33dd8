package org.cabackoffice.issuance;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Precertificates the CA key signed whose certificate was never stored (a log failed, too few
 * SCTs, or the final signing stopped). BR 7.1.2.9 and the root programs presume a corresponding
 * certificate exists for every precertificate, so the CA answers for its serial as for a
 * certificate: OCSP says good or revoked (BR 4.9.10 with 7.3), and it can be revoked and listed on
 * its CRL shard.
 */
@Service
public class OrphanPrecertificates {

  private final PrecertificateSigningRepository precertificates;
  private final IssuedCertificateRepository certificates;

  public OrphanPrecertificates(
      PrecertificateSigningRepository precertificates, IssuedCertificateRepository certificates) {
    this.precertificates = precertificates;
    this.certificates = certificates;
  }

  /**
   * A signed precertificate without certificate.
   *
   * @param crlShard the CRL shard its distribution point names
   * @param notAfter until when its CRL entry stays (RFC 5280 3.3)
   */
  public record OrphanPrecertificate(String serial, Long applicationId, int crlShard, Instant notAfter) {}

  /** The signed precertificate with that serial whose certificate was never stored, if any. */
  @Transactional(readOnly = true)
  public Optional<OrphanPrecertificate> find(String serialHex) {
    String serial = CertificateSerial.normalize(serialHex);
    if (certificates.findBySerial(serial).isPresent()) {
      return Optional.empty();
    }
    return precertificates
        .findBySerial(serial)
        .filter(p -> p.state() == PrecertificateSigning.State.SIGNED && p.precertificatePem() != null)
        .map(
            p -> {
              List<X509Certificate> parsed = CertificatePem.parse(p.precertificatePem());
              X509Certificate precertificate = parsed.get(0);
              return new OrphanPrecertificate(
                  p.serial(),
                  p.applicationId(),
                  CertificateIssuer.crlShardNamedIn(precertificate),
                  precertificate.getNotAfter().toInstant());
            });
  }
}
