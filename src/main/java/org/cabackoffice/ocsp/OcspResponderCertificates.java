package org.cabackoffice.ocsp;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificateSerial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a valid delegated responder certificate: issues a new one when the newest has less than
 * half its life left, so responses never name an expired responder and relying parties see it
 * renewed days before it ends. Any node may renew; all sign with the newest.
 */
@Service
public class OcspResponderCertificates {

  private static final Logger log = LoggerFactory.getLogger(OcspResponderCertificates.class);

  private final CertificateAuthority authority;
  private final OcspResponderCertificateRepository certificates;
  private final Clock clock;

  public OcspResponderCertificates(
      CertificateAuthority authority, OcspResponderCertificateRepository certificates, Clock clock) {
    this.authority = authority;
    this.certificates = certificates;
    this.clock = clock;
  }

  /** The certificate to sign with now, renewed first when due; empty without a responder key. */
  @Transactional
  public Optional<OcspResponderCertificate> current() {
    Instant now = clock.instant();
    // After a new responder key or a re-keyed issuing CA, older certificates name another key.
    Optional<OcspResponderCertificate> newest =
        certificates.findByNotAfterAfterOrderByNotAfterDesc(now).stream()
            .filter(c -> authority.certifiesOcspResponderKey(c.der()))
            .findFirst();
    if (newest.isPresent() && !renewalDue(newest.get(), now)) {
      return newest;
    }
    return authority.certifyOcspResponder(now).map(this::store);
  }

  @Scheduled(fixedDelayString = "${backoffice.ocsp.renewal-check:1h}", initialDelayString = "${backoffice.crl.initial-delay:10s}")
  void renewWhenDue() {
    try {
      current();
    } catch (RuntimeException e) {
      log.warn("Renewing the OCSP responder certificate failed; the next check retries", e);
    }
  }

  static boolean renewalDue(OcspResponderCertificate certificate, Instant now) {
    Duration life = Duration.between(certificate.notBefore(), certificate.notAfter());
    return !certificate.notBefore().plus(life.dividedBy(2)).isAfter(now);
  }

  private OcspResponderCertificate store(X509Certificate certificate) {
    try {
      OcspResponderCertificate stored =
          certificates.saveAndFlush(
              new OcspResponderCertificate(
                  CertificateSerial.hex(certificate.getSerialNumber()),
                  certificate.getNotBefore().toInstant(),
                  certificate.getNotAfter().toInstant(),
                  certificate.getEncoded()));
      log.info(
          "Issued OCSP responder certificate serial {} valid until {}", stored.serial(), stored.notAfter());
      return stored;
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("the responder certificate does not encode", e);
    }
  }
}
